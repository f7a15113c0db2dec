package fr.gouv.guichet.videoprotection.internal;

/**
 * The préfecture competent for a videoprotection system (CSI L252-1, R252-1, R252-2): the département of
 * installation; Paris and the airports of Roissy-Charles-de-Gaulle, Le Bourget and Orly → the Préfecture de police;
 * a system over several départements → the préfecture of the département of the siège social.
 */
public final class AutoriteCompetente {

    public static final String PREFECTURE_DE_POLICE = "75";

    public enum Lieu { UN_DEPARTEMENT, AEROPORT_PARISIEN, PLUSIEURS_DEPARTEMENTS }

    private AutoriteCompetente() {
    }

    public static String departementCompetent(Lieu lieu, String departementChoisi, String departementSiege) {
        return switch (lieu) {
            case UN_DEPARTEMENT -> departementChoisi;
            case AEROPORT_PARISIEN -> PREFECTURE_DE_POLICE;
            case PLUSIEURS_DEPARTEMENTS -> departementSiege;
        };
    }
}
