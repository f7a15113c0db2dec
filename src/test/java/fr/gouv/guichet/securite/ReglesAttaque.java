package fr.gouv.guichet.securite;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How to attack every URL of Guichet, for {@link AccesCroisesIntegrationTest}: who may open it, and with which
 * identifiers of the victim (a usager of the Var, the Var's préfecture and services) the wrong people try it.
 * Whoever adds a URL adds its line here, next to the module it belongs to.
 */
final class ReglesAttaque {

    private ReglesAttaque() {
    }

    /** Pages anyone may open (sign-in, sign-up, tokens by e-mail, public checks and lists, error page). */
    static final Set<String> PUBLIQUES = Set.of("/", "/aide", "/mentions-legales", "/accessibilite", "/donnees-personnelles",
            "/connexion", "/inscription", "/inscription/envoyee", "/activation", "/activation/renvoyer", "/mot-de-passe-oublie",
            "/mot-de-passe/reinitialiser", "/compte/email/confirmer", "/verifier", "/verifier/{code}", "/prefectures/{code}/autorisations",
            "/agent/connexion", "/agent/invitation", "/dev/courriels", "/error",
            // FranceConnect / ProConnect: error page, link of the identity waiting in this session (password of the
            // account required, see FranceConnectAttaquesIntegrationTest), return from the provider's logout.
            "/connexion/franceconnect/erreur", "/connexion/franceconnect/rattachement", "/connexion/franceconnect/abandon",
            "/deconnexion/fin", "/agent/deconnexion/fin",
            "/lieux-aide", "/lieux-aide/{id}",
            // Help of any page: the dossier named in ?depuis= is shown to its owner only (BesoinAideIntegrationTest).
            "/besoin-d-aide",
            // Assisted sessions: they only act on the assisted session of the browser's own session (none here), and
            // the médiateurs' sign-in and invitation (one-time token).
            "/accompagnement", "/accompagnement/consentement", "/accompagnement/fin", "/accompagnement/terminee", "/accompagnement/lien-unique",
            "/mediateur/connexion", "/mediateur/invitation",
            // Identity titles: search of slots and waiting times (nothing of anyone's).
            "/rendez-vous-titres", "/rendez-vous-titres/delais",
            // Tiers de confiance : annuaire public ; lien du client (jeton de 256 bits, seul son SHA-256 est gardé :
            // DepotPourClientIntegrationTest) pour voir le dépôt fait en son nom et s’y opposer.
            "/professionnels-habilites", "/tiers/depots/{jeton}", "/tiers/depots/{jeton}/opposition",
            // The payment provider's notification: believed only when signed (PaiementImmatriculationIntegrationTest).
            "/immatriculation/paiements/notification");

    /** Signed-in pages without an identifier in the URL: they only ever act on the signed-in person's own data. */
    static final Set<String> PROPRES = Set.of("/usager", "/usager/prefecture", "/usager/dossiers", "/usager/videoprotection",
            "/usager/videoprotection/nouveau", "/usager/videoprotection/reference", "/compte", "/compte/mot-de-passe",
            "/compte/email", "/compte/suppression", "/compte/franceconnect/suppression", "/agent", "/agent/national",
            "/agent/national/lieux-aide", "/agent/national/tribunaux", "/agent/recapitulatif", "/agent/national/competences",
            "/usager/notifications", "/usager/notifications/revocation",
            // The médiateur's own place (a letter of another place: AccesMediationIntegrationTest).
            "/mediateur", "/mediateur/sessions", "/mediateur/courrier", "/mediateur/courrier/remis",
            "/usager/permis", "/usager/permis/demarche",
            "/usager/identite", "/usager/identite/nouvelle", "/usager/identite/reserver",
            // Tiers de confiance : l’entreprise du collaborateur connecté (AccesTiers ; DepotPourClientIntegrationTest).
            "/usager/tiers/habilitation", "/usager/pro", "/usager/pro/depots.csv", "/usager/pro/depots/nouveau",
            "/usager/pro/collaborateurs", "/usager/pro/depots/vehicule", "/usager/pro/resiliation",
            "/usager/vehicules", "/usager/vehicules/achat");

    /** How to fill each URL with what belongs to the victim (a usager of the Var, the Var's préfecture). */
    static final Map<String, Function<Terrain, Map<String, Object>>> VICTIME = Map.ofEntries(
            Map.entry("/usager/identite/dossiers/{dossierId}", t -> Map.of("dossierId", t.preDemande)),
            Map.entry("/usager/identite/dossiers/{id}/timbres", t -> Map.of("id", t.brouillonPreDemande)),
            Map.entry("/usager/identite/rendez-vous/{id}", t -> Map.of("id", t.rendezVous)),
            Map.entry("/usager/identite/rendez-vous/{id}/annuler", t -> Map.of("id", t.rendezVous)),
            Map.entry("/agent/mairies/{service}", t -> Map.of("service", Terrain.MAIRIE)),
            Map.entry("/agent/mairies/{service}/pre-demande", t -> Map.of("service", Terrain.MAIRIE)),
            Map.entry("/agent/mairies/{service}/pre-demande/{numero}/recueillir", t -> Map.of("service", Terrain.MAIRIE, "numero", t.numeroPreDemande)),
            Map.entry("/agent/mairies/{service}/pre-demande/{numero}/disponible", t -> Map.of("service", Terrain.MAIRIE, "numero", t.numeroPreDemande)),
            Map.entry("/agent/mairies/{service}/pre-demande/{numero}/remis", t -> Map.of("service", Terrain.MAIRIE, "numero", t.numeroPreDemande)),
            Map.entry("/agent/mairies/{service}/rendez-vous/{id}/absent", t -> Map.of("service", Terrain.MAIRIE, "id", t.rendezVous)),
            Map.entry("/agent/prefectures/{departement}/mairies", t -> Map.of("departement", "83")),
            Map.entry("/agent/prefectures/{departement}/mairies/{service}", t -> Map.of("departement", "83", "service", Terrain.MAIRIE)),
            Map.entry("/agent/prefectures/{departement}/mairies/{service}/fermetures", t -> Map.of("departement", "83", "service", Terrain.MAIRIE)),
            Map.entry("/agent/prefectures/{departement}/mairies/{service}/fermetures/{id}/supprimer",
                    t -> Map.of("departement", "83", "service", Terrain.MAIRIE, "id", t.fermeture)),
            Map.entry("/usager/dossiers/{id}", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/supprimer", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/dossiers/{id}/messages", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/pieces-transmises", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/recepisse.pdf", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/pieces", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/pieces/{pieceId}", t -> Map.of("id", t.dossier, "pieceId", t.piece)),
            Map.entry("/usager/dossiers/{id}/pages/{numero}", t -> Map.of("id", t.brouillon, "numero", 1)),
            Map.entry("/usager/dossiers/{id}/pages/{numero}/auto", t -> Map.of("id", t.brouillon, "numero", 1)),
            Map.entry("/usager/dossiers/{id}/validation", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/dossiers/{id}/valider", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/videoprotection/brouillons/{id}/titulaire", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/permis/dossiers/{id}/photo", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/permis/dossiers/{id}/photo/confirmation", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/permis/dossiers/{id}/bordereau.pdf", t -> Map.of("id", t.dossier)),
            // Appointment in préfecture of a non-EU exchange: another usager on a real exchange in RendezVousPrefectureIntegrationTest.
            Map.entry("/usager/permis/dossiers/{id}/rendez-vous", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/permis/dossiers/{id}/rendez-vous/annulation", t -> Map.of("id", t.dossier)),
            // The Var préfecture's appointments of the day (non-EU licence exchanges): its agents only.
            Map.entry("/agent/services/{code}/rendez-vous-permis", t -> Map.of("code", "83")),
            Map.entry("/usager/videoprotection/brouillons/{id}/titulaire/code", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/videoprotection/brouillons/{id}/titulaire/preuve", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/pro/depots/{id}", t -> Map.of("id", t.dossier)),
            // Payment of a client's change of holder by the company (other company, client, withdrawn collaborator:
            // DepotVehiculePourClientIntegrationTest).
            Map.entry("/usager/pro/depots/{id}/paiement", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/pro/collaborateurs/{usagerId}/retrait", t -> Map.of("usagerId", 1)),
            Map.entry("/usager/pro/invitations/{jeton}", t -> Map.of("jeton", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            Map.entry("/agent/services/{code}/tiers", t -> Map.of("code", "83")),
            // Public (token links), listed for the CSRF check of their form.
            Map.entry("/tiers/depots/{jeton}", t -> Map.of("jeton", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            Map.entry("/tiers/depots/{jeton}/opposition", t -> Map.of("jeton", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            Map.entry("/usager/vehicules/{id}", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/{id}/cession", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/{id}/adresse", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/{id}/duplicata", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/cessions/{id}", t -> Map.of("id", t.cession)),
            Map.entry("/usager/vehicules/cessions/{id}/situation.pdf", t -> Map.of("id", t.cession)),
            Map.entry("/usager/vehicules/demandes/{id}", t -> Map.of("id", t.demandeImmatriculation)),
            Map.entry("/usager/vehicules/demandes/{id}/certificat-provisoire.pdf", t -> Map.of("id", t.demandeImmatriculation)),
            Map.entry("/usager/vehicules/demandes/{id}/pieces", t -> Map.of("id", t.demandeImmatriculation)),
            Map.entry("/usager/vehicules/paiements/{reference}", t -> Map.of("reference", t.referencePaiement)),
            Map.entry("/usager/vehicules/paiements/{reference}/retour", t -> Map.of("reference", t.referencePaiement)),
            Map.entry("/agent/dossiers/{id}", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/actions/{transition}", t -> Map.of("id", t.dossier, "transition", "DEMANDER_PIECES")),
            Map.entry("/agent/dossiers/{id}/messages", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/notes", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/priorite", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/pieces/{pieceId}", t -> Map.of("id", t.dossier, "pieceId", t.piece)),
            Map.entry("/agent/dossiers/{id}/pieces.zip", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/national/tribunaux/{code}", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/file", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/file", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/file.csv", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/tableau-de-bord", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/signaux", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/agents", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "83", "agentId", t.instructeur83.id())),
            Map.entry("/agent/services/{code}/coordonnees", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/mediateurs", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/mediateurs/{id}/desactivation", t -> Map.of("code", "83", "id", t.mediateur83)),
            Map.entry("/agent/services/{code}/mediation/statistiques", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/mediation/statistiques.csv", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/file.csv", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/registre", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/tableau-de-bord", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/agents", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "83", "agentId", t.instructeur83.id())),
            Map.entry("/agent/prefectures/{code}/commission", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/commission/seances", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/ordre-du-jour.pdf", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/inscriptions", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/modification", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/annulation", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/avis",
                    t -> Map.of("code", "83", "id", t.seance, "dossierId", t.dossier)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/prorogation",
                    t -> Map.of("code", "83", "id", t.seance, "dossierId", t.dossier)));

    /**
     * The confused-deputy variant for the agent of Paris: their own préfecture (and their own session of the
     * commission) in the URL, the Var's identifiers in the rest.
     */
    static final Map<String, Function<Terrain, Map<String, Object>>> MELANGES = Map.ofEntries(
            Map.entry("/agent/prefectures/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "75", "agentId", t.instructeur83.id())),
            Map.entry("/agent/services/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "75", "agentId", t.instructeur83.id())),
            Map.entry("/agent/services/{code}/mediateurs/{id}/desactivation", t -> Map.of("code", "75", "id", t.mediateur83)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/ordre-du-jour.pdf", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/inscriptions", t -> Map.of("code", "75", "id", t.seance75)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/modification", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/annulation", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/avis",
                    t -> Map.of("code", "75", "id", t.seance75, "dossierId", t.dossier)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/prorogation",
                    t -> Map.of("code", "75", "id", t.seance75, "dossierId", t.dossier)));

    /** State-changing URLs handled by Spring Security's filters rather than by a controller. */
    static final List<String> POST_FILTRES = List.of("/connexion", "/deconnexion", "/agent/connexion", "/agent/deconnexion",
            "/mediateur/connexion", "/mediateur/deconnexion");
}
