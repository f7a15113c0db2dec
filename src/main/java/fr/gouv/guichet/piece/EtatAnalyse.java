package fr.gouv.guichet.piece;

/** Antivirus state of a stored file; only {@link #SAIN} files are ever served. */
public enum EtatAnalyse {
    EN_COURS("En cours d’analyse",
            "Ce document est en cours d’analyse antivirus : il pourra être ouvert dans quelques instants."),
    SAIN("Sain", ""),
    INFECTE("Infecté : mis en quarantaine",
            "Ce document contient un virus : il a été mis en quarantaine et ne sera jamais transmis. "
                    + "Envoyez un autre fichier, après avoir analysé votre appareil.");

    private final String libelle;
    private final String messageRefus;

    EtatAnalyse(String libelle, String messageRefus) {
        this.libelle = libelle;
        this.messageRefus = messageRefus;
    }

    /** Short French label shown next to the file. */
    public String libelle() {
        return libelle;
    }

    /** French explanation when the file is asked for but may not be served. */
    public String messageRefus() {
        return messageRefus;
    }
}
