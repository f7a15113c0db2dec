package fr.gouv.guichet.mediation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Imports a CSV of the lieux de médiation numérique schema, all or nothing: every line is checked first, and the
 * places are written in one transaction only if none is invalid (a place with an existing id is replaced).
 */
@Service
public class ImportLieux {

    /** 5 Mo: about 10 000 places of the national file; larger files are split by département. */
    public static final int TAILLE_MAX = 5 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportLieux.class);

    private final LieuRepository lieux;

    ImportLieux(LieuRepository lieux) {
        this.lieux = lieux;
    }

    @Transactional
    public RapportImport importer(byte[] contenu) {
        if (contenu.length > TAILLE_MAX) {
            return RapportImport.refuse(List.of(new RapportImport.Erreur(0,
                    "Le fichier dépasse " + TAILLE_MAX / (1024 * 1024) + " Mo : découpez-le par département.")));
        }
        String texte;
        try {
            texte = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(contenu)).toString();
        } catch (CharacterCodingException e) {
            return RapportImport.refuse(List.of(new RapportImport.Erreur(0,
                    "Le fichier n’est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 ».")));
        }
        ValidationLieux.Resultat resultat = ValidationLieux.valider(texte);
        if (!resultat.erreurs().isEmpty()) {
            return RapportImport.refuse(resultat.erreurs());
        }
        resultat.lieux().forEach(lieux::enregistrer);
        log.info("{} lieux de médiation numérique importés", resultat.lieux().size());
        return new RapportImport(resultat.lieux().size(), List.of());
    }

    /** Imports only the places whose id is not stored yet (sample data never overwrite an administrator's import). */
    @Transactional
    public int importerAbsents(byte[] contenu) {
        ValidationLieux.Resultat resultat = ValidationLieux.valider(new String(contenu, StandardCharsets.UTF_8));
        if (!resultat.erreurs().isEmpty()) {
            throw new IllegalStateException("Données d’exemple invalides : " + resultat.erreurs());
        }
        var existants = lieux.idsExistants(resultat.lieux().stream().map(Lieu::id).toList());
        List<Lieu> nouveaux = resultat.lieux().stream().filter(l -> !existants.contains(l.id())).toList();
        nouveaux.forEach(lieux::enregistrer);
        return nouveaux.size();
    }
}
