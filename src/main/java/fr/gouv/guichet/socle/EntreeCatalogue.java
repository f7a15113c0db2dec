package fr.gouv.guichet.socle;

/**
 * A démarche in the public catalogue of the home page. Features declare beans of this type; the page groups them by
 * {@code famille} (its heading), in the order of {@code ordre}, so that a new procedure appears without touching the page.
 *
 * @param famille     heading of the group ("Vidéoprotection", "Titres"…)
 * @param titre       name of the démarche
 * @param description one or two sentences: who it is for, what it does
 * @param url         where it starts (after sign-in)
 * @param ordre       rank among the entries (families follow their first entry)
 */
public record EntreeCatalogue(String famille, String titre, String description, String url, int ordre) {
}
