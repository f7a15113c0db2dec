package fr.gouv.guichet.permis;

import java.util.Arrays;
import java.util.Optional;

/**
 * The categories of the European driving licence (directive 2006/126/CE). Heavy categories (C and D families)
 * need a medical opinion and are valid 5 years; the others 15 years (titles issued since 19 January 2013).
 */
public enum CategoriePermis {
    AM("Cyclomoteurs et quadricycles légers", false),
    A1("Motocyclettes légères (125 cm³)", false),
    A2("Motocyclettes de puissance moyenne (35 kW)", false),
    A("Motocyclettes", false),
    B1("Quadricycles lourds", false),
    B("Véhicules légers", false),
    BE("Véhicule léger avec remorque lourde", false),
    C1("Poids lourds de 3,5 à 7,5 t", true),
    C1E("Poids lourds C1 avec remorque", true),
    C("Poids lourds", true),
    CE("Poids lourds avec remorque", true),
    D1("Minibus (16 passagers au plus)", true),
    D1E("Minibus avec remorque", true),
    D("Autobus et autocars", true),
    DE("Autobus et autocars avec remorque", true);

    private final String libelle;
    private final boolean lourde;

    CategoriePermis(String libelle, boolean lourde) {
        this.libelle = libelle;
        this.lourde = lourde;
    }

    public String libelle() {
        return libelle;
    }

    /** C and D families: a medical opinion is required for the title and its renewal. */
    public boolean avisMedicalRequis() {
        return lourde;
    }

    /** Validity of a title of this category, in years. */
    public int dureeValiditeAnnees() {
        return lourde ? 5 : 15;
    }

    /** The category with this code ({@code b}, {@code C1E}…), or empty. */
    public static Optional<CategoriePermis> depuisCode(String code) {
        String normalise = code.strip().toUpperCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(normalise)).findFirst();
    }
}
