package fr.gouv.guichet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform names no procedure (issue 12 A.1, ADR 0008): the shared modules {@code demarche}, {@code formulaire},
 * {@code piece}, {@code document} and {@code notification} have no class and no constant (static final field, enum
 * constant) whose name carries a procedure's vocabulary. A procedure's states, documents and rules live in its feature.
 */
class PlateformeNeutreTest {

    static final String[] MODULES_PARTAGES = {"demarche", "formulaire", "piece", "document", "notification"};

    /** Words of the procedures (accents and case ignored): videoprotection, its commission and acts, the titles. */
    static final Pattern VOCABULAIRE = Pattern.compile(
            "video|permis|immatricul|commission|arrete|provisoire|seance|neph|ephoto|timbre|passeport|carte_?grise",
            Pattern.CASE_INSENSITIVE);

    static final JavaClasses PLATEFORME = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(java.util.Arrays.stream(MODULES_PARTAGES).map(m -> "fr.gouv.guichet." + m).toArray(String[]::new));

    static ArchRule regle() {
        return classes().should(neNommerAucuneDemarche())
                .because("une démarche déclare ses états, ses documents et ses règles dans son propre module (ADR 0008)");
    }

    @Test
    void lesModulesPartagesNeNommentAucuneDemarche() {
        assertThat(PLATEFORME.size()).as("classes des modules partagés importées").isGreaterThan(50);
        regle().check(PLATEFORME);
    }

    @Test
    void laRegleVoitUneConstanteOuUneClasseQuiNommeUneDemarche() {
        JavaClasses fautives = new ClassFileImporter().importClasses(ConstanteFautive.class, ArreteFautif.class);
        assertThatThrownBy(() -> regle().check(fautives))
                .hasMessageContaining("ATTENTE_AVIS_COMMISSION")
                .hasMessageContaining("ArreteFautif");
    }

    static final class ConstanteFautive {
        static final String ATTENTE_AVIS_COMMISSION = "ATTENTE_AVIS_COMMISSION";
    }

    static final class ArreteFautif {
    }

    private static ArchCondition<JavaClass> neNommerAucuneDemarche() {
        return new ArchCondition<>("ne nommer aucune démarche") {
            @Override
            public void check(JavaClass classe, ConditionEvents evenements) {
                if (nommeUneDemarche(classe.getSimpleName())) {
                    evenements.add(SimpleConditionEvent.violated(classe, "La classe " + classe.getName() + " nomme une démarche"));
                }
                for (JavaField champ : classe.getFields()) {
                    boolean constante = champ.getModifiers().containsAll(java.util.Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
                            || champ.getModifiers().contains(JavaModifier.ENUM);
                    if (constante && !champ.getName().startsWith("$") && nommeUneDemarche(champ.getName())) {
                        evenements.add(SimpleConditionEvent.violated(champ, "La constante " + champ.getFullName() + " nomme une démarche"));
                    }
                }
            }
        };
    }

    static boolean nommeUneDemarche(String nom) {
        String sansAccents = Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return VOCABULAIRE.matcher(sansAccents).find();
    }
}
