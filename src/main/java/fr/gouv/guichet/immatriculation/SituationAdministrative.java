package fr.gouv.guichet.immatriculation;

import java.util.ArrayList;
import java.util.List;

/** Pledge, opposition (e.g. unpaid fines), declared theft, destruction: what the certificat de situation administrative states. */
public record SituationAdministrative(boolean gage, boolean opposition, boolean vole, boolean detruit) {

    /** What a person must look at before a change of holder, in French; empty when the situation is clear. */
    public List<String> motifsExamen() {
        List<String> motifs = new ArrayList<>();
        if (gage) {
            motifs.add("gage inscrit sur le véhicule");
        }
        if (opposition) {
            motifs.add("opposition au transfert du certificat");
        }
        if (vole) {
            motifs.add("véhicule signalé volé");
        }
        if (detruit) {
            motifs.add("véhicule déclaré détruit");
        }
        return motifs;
    }
}
