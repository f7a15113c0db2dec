package fr.gouv.guichet.demarche;

public enum TypeActeur { USAGER, AGENT, SYSTEME }
