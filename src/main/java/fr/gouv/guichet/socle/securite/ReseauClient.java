package fr.gouv.guichet.socle.securite;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client network a throttle counts on: the IPv4 address itself, the /64 prefix of an IPv6 address (one
 * subscriber usually holds a whole /64: counting single IPv6 addresses would give them 2⁶⁴ fresh starts).
 */
public final class ReseauClient {

    private ReseauClient() {
    }

    public static String de(String adresse) {
        if (adresse == null || adresse.isBlank() || !adresse.matches("[0-9a-fA-F.:\\[\\]%]+")) {
            return "inconnue";
        }
        try {
            InetAddress ip = InetAddress.getByName(adresse);
            if (ip instanceof Inet6Address v6) {
                byte[] octets = v6.getAddress();
                StringBuilder prefixe = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefixe.append(Integer.toHexString(((octets[i] & 0xff) << 8) | (octets[i + 1] & 0xff))).append(':');
                }
                return prefixe + ":/64";
            }
            return ip.getHostAddress();
        } catch (UnknownHostException e) {
            return "inconnue";
        }
    }
}
