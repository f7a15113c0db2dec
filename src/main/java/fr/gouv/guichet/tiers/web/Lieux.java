package fr.gouv.guichet.tiers.web;

/** The network a request comes from, as the fraud rules count places: IPv4 /24, IPv6 /48. */
final class Lieux {

    private Lieux() {
    }

    static String reseau(String adresse) {
        String reseau;
        if (adresse.contains(":")) {
            String[] groupes = adresse.split(":", -1);
            reseau = String.join(":", java.util.Arrays.copyOf(groupes, Math.min(3, groupes.length))) + "::/48";
        } else {
            int dernier = adresse.lastIndexOf('.');
            reseau = dernier < 0 ? adresse : adresse.substring(0, dernier) + ".0/24";
        }
        return reseau.length() > 64 ? reseau.substring(0, 64) : reseau;
    }
}
