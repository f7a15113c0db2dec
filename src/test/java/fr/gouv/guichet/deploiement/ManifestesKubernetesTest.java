package fr.gouv.guichet.deploiement;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize manifests of {@code deploy/kubernetes}, rendered offline by {@code kubectl kustomize} (Debian's
 * kubernetes-client, installed by .ci/run; the test fails, never skips, without it), then: every object read into
 * the fabric8 Kubernetes models with no unknown field anywhere (schema), CloudNativePG objects checked field by
 * field, and the security posture a linter would check.
 */
class ManifestesKubernetesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<? extends HasMetadata>> MODELES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    static List<JsonNode> documents;
    static Map<String, Object> objets;

    @BeforeAll
    static void rendre() throws Exception {
        Path racine = Path.of(System.getProperty("guichet.project.dir", ".")).resolve("deploy/kubernetes");
        Path sortie = Files.createTempFile("kustomize-", ".yaml");
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", racine.toString())
                    .redirectErrorStream(true).redirectOutput(sortie.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl absent : installez le paquet Debian kubernetes-client "
                    + "(.ci/run le fait) pour rendre les manifestes", e);
        }
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String rendu = Files.readString(sortie, StandardCharsets.UTF_8);
        Files.delete(sortie);
        assertThat(kubectl.exitValue()).as(rendu).isZero();
        documents = YAML.readValues(YAML.createParser(rendu), JsonNode.class).readAll().stream()
                .filter(d -> d != null && !d.isNull() && !d.isEmpty()).toList();
        objets = new java.util.LinkedHashMap<>();
        for (JsonNode d : documents) {
            objets.put(d.path("kind").asText() + "/" + d.path("metadata").path("name").asText(), d);
        }
    }

    @Test
    void chaque_objet_rendu_est_conforme_au_schema_de_son_type() throws Exception {
        assertThat(objets.keySet()).containsExactlyInAnyOrder(
                "Namespace/guichet", "ServiceAccount/guichet", "ConfigMap/guichet-config", "Deployment/guichet",
                "Service/guichet", "Ingress/guichet", "PodDisruptionBudget/guichet", "HorizontalPodAutoscaler/guichet",
                "NetworkPolicy/guichet", "Cluster/guichet-pg", "ScheduledBackup/guichet-pg-quotidienne");
        for (JsonNode d : documents) {
            String type = d.path("apiVersion").asText() + "/" + d.path("kind").asText();
            if (type.startsWith("postgresql.cnpg.io/")) {
                continue; // CRD: checked field by field below
            }
            Class<? extends HasMetadata> modele = MODELES.get(type);
            assertThat(modele).as("type inconnu : " + type).isNotNull();
            HasMetadata objet = YAML.treeToValue(d, modele);
            assertThat(champsInconnus(objet, "")).as(type + " : champs hors schéma").isEmpty();
            if (!(objet instanceof Namespace)) {
                assertThat(objet.getMetadata().getNamespace()).as(type).isEqualTo("guichet");
            }
            assertThat(objet.getMetadata().getLabels()).as(type).containsKey("app.kubernetes.io/name");
        }
    }

    @Test
    void posture_de_securite_du_pod() throws Exception {
        Deployment deploiement = objet("Deployment/guichet", Deployment.class);
        PodSpec pod = deploiement.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getContainers()).hasSize(1);
        for (Container c : pod.getContainers()) {
            var sc = c.getSecurityContext();
            assertThat(sc.getReadOnlyRootFilesystem()).as("racine en lecture seule").isTrue();
            assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
            assertThat(sc.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(c.getImage()).contains(":").doesNotEndWith(":latest");
            for (String ressource : List.of("cpu", "memory")) {
                assertThat(c.getResources().getRequests()).containsKey(ressource);
                assertThat(c.getResources().getLimits()).containsKey(ressource);
                assertThat(Quantity.getAmountInBytes(c.getResources().getLimits().get(ressource)))
                        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(c.getResources().getRequests().get(ressource)));
            }
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(c.getStartupProbe()).isNotNull();
            // Secrets only by reference: no literal value looks like a credential.
            for (EnvVar v : c.getEnv()) {
                if (v.getName().matches(".*(PASSWORD|SECRET|ACCESS_KEY|USERNAME|CLIENT_ID|DATASOURCE_URL).*")) {
                    assertThat(v.getValue()).as(v.getName()).isNull();
                    assertThat(v.getValueFrom().getSecretKeyRef().getName()).as(v.getName()).isNotBlank();
                }
            }
            // Read-only root: the only writable place is an emptyDir on /tmp.
            assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        }
        // Graceful stop within the grace period: preStop sleep + Spring's shutdown phase + margin.
        ConfigMap config = objet("ConfigMap/guichet-config", ConfigMap.class);
        long phase = java.time.Duration.parse("PT" + config.getData().get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").toUpperCase()).toSeconds();
        List<String> preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop.get(0)).isEqualTo("sleep");
        assertThat(Long.parseLong(preStop.get(1)) + phase + 10).isLessThanOrEqualTo(pod.getTerminationGracePeriodSeconds());
        assertThat(config.getData()).containsEntry("SERVER_SHUTDOWN", "graceful")
                .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        assertThat(objet("Namespace/guichet", Namespace.class).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(documents).noneMatch(d -> d.path("kind").asText().equals("Secret"));
    }

    @Test
    void disponibilite_reseau_et_reglages_de_production() throws Exception {
        Deployment deploiement = objet("Deployment/guichet", Deployment.class);
        Map<String, String> etiquettes = deploiement.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(deploiement.getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
        assertThat(deploiement.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();

        assertThat(etiquettes).containsAllEntriesOf(objet("Service/guichet", Service.class).getSpec().getSelector());
        PodDisruptionBudget pdb = objet("PodDisruptionBudget/guichet", PodDisruptionBudget.class);
        assertThat(etiquettes).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        HorizontalPodAutoscaler hpa = objet("HorizontalPodAutoscaler/guichet", HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("guichet");
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThan(pdb.getSpec().getMinAvailable().getIntVal());
        NetworkPolicy politique = objet("NetworkPolicy/guichet", NetworkPolicy.class);
        assertThat(etiquettes).containsAllEntriesOf(politique.getSpec().getPodSelector().getMatchLabels());
        assertThat(politique.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(politique.getSpec().getIngress()).hasSize(2)
                .allSatisfy(r -> assertThat(r.getFrom()).singleElement().satisfies(f -> assertThat(f.getNamespaceSelector()).isNotNull()));
        assertThat(politique.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream()).map(p -> p.getPort().getIntVal()))
                .containsExactly(8080, 9090);
        // Metrics and probes on the management port, which neither the Service nor the Ingress expose.
        Map<String, String> reglages = objet("ConfigMap/guichet-config", ConfigMap.class).getData();
        assertThat(reglages).containsEntry("MANAGEMENT_SERVER_PORT", "9090")
                .containsEntry("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,prometheus")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        Container conteneur = deploiement.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(conteneur.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("supervision");
            assertThat(p.getContainerPort()).isEqualTo(9090);
        });
        for (var sonde : List.of(conteneur.getLivenessProbe(), conteneur.getReadinessProbe(), conteneur.getStartupProbe())) {
            assertThat(sonde.getHttpGet().getPort().getStrVal()).isEqualTo("supervision");
        }
        assertThat(objet("Service/guichet", Service.class).getSpec().getPorts())
                .singleElement().satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
        Ingress entree = objet("Ingress/guichet", Ingress.class);
        assertThat(entree.getSpec().getTls()).singleElement().satisfies(t -> assertThat(t.getSecretName()).isNotBlank());
        assertThat(entree.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName()).isEqualTo("guichet");

        Map<String, String> config = objet("ConfigMap/guichet-config", ConfigMap.class).getData();
        assertThat(config).containsEntry("GUICHET_STOCKAGE_TYPE", "s3").containsKey("GUICHET_STOCKAGE_S3_SEAU")
                .containsKey("GUICHET_STOCKAGE_S3_POINT_DE_TERMINAISON").containsKey("GUICHET_ANTIVIRUS_CLAMD_HOTE")
                .containsEntry("GUICHET_ANTIVIRUS_EXIGER_CLAMD", "true");
    }

    @Test
    void postgresql_cloudnativepg_synchrone_et_sauvegarde() {
        JsonNode cluster = (JsonNode) objets.get("Cluster/guichet-pg");
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        JsonNode spec = cluster.path("spec");
        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode synchrone = spec.path("postgresql").path("synchronous");
        assertThat(synchrone.path("method").asText()).isIn("any", "first");
        assertThat(synchrone.path("number").asInt()).isBetween(1, spec.path("instances").asInt() - 1);
        assertThat(synchrone.path("dataDurability").asText()).isEqualTo("required");
        assertThat(spec.path("storage").path("size").asText()).isNotBlank();
        JsonNode magasin = spec.path("backup").path("barmanObjectStore");
        assertThat(magasin.path("destinationPath").asText()).startsWith("s3://");
        assertThat(magasin.path("s3Credentials").path("accessKeyId").path("name").asText()).isNotBlank();
        assertThat(magasin.path("s3Credentials").path("secretAccessKey").path("key").asText()).isNotBlank();
        assertThat(spec.path("backup").path("retentionPolicy").asText()).matches("[0-9]+[dwm]");
        JsonNode sauvegarde = ((JsonNode) objets.get("ScheduledBackup/guichet-pg-quotidienne")).path("spec");
        assertThat(sauvegarde.path("cluster").path("name").asText()).isEqualTo("guichet-pg");
        assertThat(sauvegarde.path("schedule").asText().split(" ")).as("cron à 6 champs").hasSize(6);
        // The application reads the secret CloudNativePG creates for this cluster.
        assertThat(documents.toString()).contains("\"name\":\"guichet-pg-app\"");
        // Fields the CRD knows at these places (a typo would silently be dropped by the API server).
        assertThat(champs(spec)).isSubsetOf(Set.of("instances", "imageName", "primaryUpdateStrategy", "postgresql",
                "bootstrap", "storage", "walStorage", "resources", "affinity", "backup"));
        assertThat(champs(synchrone)).isSubsetOf(Set.of("method", "number", "dataDurability", "maxStandbyNamesFromCluster",
                "standbyNamesPre", "standbyNamesPost"));
        assertThat(champs(magasin)).isSubsetOf(Set.of("destinationPath", "endpointURL", "s3Credentials", "wal", "data",
                "serverName", "endpointCA", "tags", "historyTags"));
    }

    private static <T> T objet(String cle, Class<T> type) throws Exception {
        return YAML.treeToValue((JsonNode) objets.get(cle), type);
    }

    private static List<String> champs(JsonNode noeud) {
        List<String> noms = new ArrayList<>();
        noeud.fieldNames().forEachRemaining(noms::add);
        return noms;
    }

    /** Paths of every {@code additionalProperties} entry in a fabric8 object graph (fields its schema lacks). */
    private static List<String> champsInconnus(Object objet, String chemin) throws Exception {
        List<String> inconnus = new ArrayList<>();
        parcourir(objet, chemin, inconnus, new IdentityHashMap<>());
        return inconnus;
    }

    private static void parcourir(Object objet, String chemin, List<String> inconnus, IdentityHashMap<Object, Boolean> vus)
            throws Exception {
        if (objet == null || vus.put(objet, true) != null) {
            return;
        }
        if (objet instanceof List<?> liste) {
            for (int i = 0; i < liste.size(); i++) {
                parcourir(liste.get(i), chemin + "[" + i + "]", inconnus, vus);
            }
            return;
        }
        if (objet instanceof Map<?, ?> carte) {
            for (var e : carte.entrySet()) {
                parcourir(e.getValue(), chemin + "." + e.getKey(), inconnus, vus);
            }
            return;
        }
        if (!objet.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method m : objet.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object valeur = m.invoke(objet);
            if (m.getName().equals("getAdditionalProperties")) {
                if (valeur instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> inconnus.add(chemin + "." + k));
                }
            } else {
                parcourir(valeur, chemin + "." + m.getName().substring(3), inconnus, vus);
            }
        }
    }
}
