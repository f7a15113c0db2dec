package fr.gouv.guichet.formulaire;

import fr.gouv.guichet.formulaire.internal.LecteurDefinition;
import fr.gouv.guichet.formulaire.internal.VerificateurDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Every form definition, loaded and checked once at start-up from {@code classpath:formulaires/**}{@code /*.json} (each
 * feature keeps its own under a folder, e.g. {@code formulaires/<feature>/}). Several
 * versions of one form coexist: a dossier keeps using the version it was started on ({@link #get(String, String)}),
 * new dossiers use {@link #derniereVersion(String)}.
 */
@Component
public class CatalogueFormulaires {

    /** Where the application's definitions live. */
    public static final String EMPLACEMENT_PAR_DEFAUT = "classpath*:formulaires/**/*.json";

    private static final Comparator<String> ORDRE_DES_VERSIONS = Comparator
            .comparing((String v) -> v.chars().allMatch(Character::isDigit) ? Long.parseLong(v) : Long.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder());

    /** id → version → definition, versions in ascending order. */
    private final Map<String, Map<String, DefinitionFormulaire>> definitions = new LinkedHashMap<>();

    /** Loads {@value #EMPLACEMENT_PAR_DEFAUT}. */
    @Autowired
    public CatalogueFormulaires() {
        this(ressources(EMPLACEMENT_PAR_DEFAUT));
    }

    /** Loads the given JSON files; fails with {@link DefinitionFormulaireInvalideException} on the first bad one. */
    public CatalogueFormulaires(List<? extends Resource> fichiers) {
        List<DefinitionFormulaire> lues = new ArrayList<>();
        for (Resource fichier : fichiers) {
            String origine = fichier.getDescription();
            try {
                DefinitionFormulaire lue = LecteurDefinition.lire(fichier.getInputStream(), origine);
                lues.add(VerificateurDefinition.verifier(lue, origine));
            } catch (IOException e) {
                throw new DefinitionFormulaireInvalideException("Définition de formulaire introuvable : " + origine, e);
            }
        }
        lues.sort(Comparator.comparing(DefinitionFormulaire::id).thenComparing(DefinitionFormulaire::version, ORDRE_DES_VERSIONS));
        for (DefinitionFormulaire definition : lues) {
            Map<String, DefinitionFormulaire> versions = definitions.computeIfAbsent(definition.id(), id -> new LinkedHashMap<>());
            if (versions.putIfAbsent(definition.version(), definition) != null) {
                throw new DefinitionFormulaireInvalideException(
                        "Deux fichiers définissent le formulaire " + definition.cle() + " : gardez-en un seul.");
            }
        }
    }

    /** Loads every file matching the given patterns, e.g. {@code classpath*:formulaires/*.json}. */
    public static CatalogueFormulaires chargerDepuisClasspath(String... emplacements) {
        List<Resource> fichiers = new ArrayList<>();
        for (String emplacement : emplacements) {
            fichiers.addAll(ressources(emplacement));
        }
        return new CatalogueFormulaires(fichiers);
    }

    /** The application's definitions ({@value #EMPLACEMENT_PAR_DEFAUT}). */
    public static CatalogueFormulaires chargerDepuisClasspath() {
        return chargerDepuisClasspath(EMPLACEMENT_PAR_DEFAUT);
    }

    /** A given version; @throws NoSuchElementException when unknown. */
    public DefinitionFormulaire get(String id, String version) {
        return trouver(id, version).orElseThrow(() -> new NoSuchElementException(
                "Formulaire inconnu : " + id + "/" + version + " (versions connues : " + versions(id) + ")."));
    }

    public Optional<DefinitionFormulaire> trouver(String id, String version) {
        return Optional.ofNullable(definitions.getOrDefault(id, Map.of()).get(version));
    }

    /** The most recent version, for new dossiers; @throws NoSuchElementException when the form is unknown. */
    public DefinitionFormulaire derniereVersion(String id) {
        List<DefinitionFormulaire> toutes = List.copyOf(definitions.getOrDefault(id, Map.of()).values());
        if (toutes.isEmpty()) {
            throw new NoSuchElementException("Formulaire inconnu : " + id + ".");
        }
        return toutes.getLast();
    }

    /** Known versions of a form, oldest first (empty when unknown). */
    public List<String> versions(String id) {
        return List.copyOf(definitions.getOrDefault(id, Map.of()).keySet());
    }

    /** Ids of the known forms. */
    public List<String> identifiants() {
        return List.copyOf(definitions.keySet());
    }

    private static List<Resource> ressources(String emplacement) {
        try {
            Resource[] trouvees = new PathMatchingResourcePatternResolver().getResources(emplacement);
            return Arrays.stream(trouvees).sorted(Comparator.comparing(Resource::getDescription)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de lister " + emplacement, e);
        }
    }
}
