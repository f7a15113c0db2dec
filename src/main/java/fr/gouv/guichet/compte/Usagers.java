package fr.gouv.guichet.compte;

import fr.gouv.guichet.compte.internal.ComptesFranceConnect;
import fr.gouv.guichet.compte.internal.UsagerRepository;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** Usager accounts as other features may read them (e.g. to e-mail a dossier's owner). */
@Service
public class Usagers {

    private final UsagerRepository usagers;
    private final ComptesFranceConnect franceConnect;

    Usagers(UsagerRepository usagers, ComptesFranceConnect franceConnect) {
        this.usagers = usagers;
        this.franceConnect = franceConnect;
    }

    /** The identity FranceConnect certified for this account, when it is linked to FranceConnect. */
    public Optional<IdentiteCertifiee> identiteCertifiee(long id) {
        return franceConnect.identite(id).map(i -> new IdentiteCertifiee(i.nomUsage() == null ? i.nomNaissance() : i.nomUsage(),
                i.prenoms(), i.dateNaissance()));
    }

    public Optional<ProfilUsager> profil(long id) {
        return usagers.parId(id).map(u -> new ProfilUsager(u.id(), u.email(), u.codeDepartement()));
    }

    /** The activated account of this address, if any (e.g. to hand a dossier filed on someone's behalf to its holder). */
    public Optional<ProfilUsager> activeParEmail(String email) {
        return usagers.parEmail(email).filter(u -> u.active()).map(u -> new ProfilUsager(u.id(), u.email(), u.codeDepartement()));
    }
}
