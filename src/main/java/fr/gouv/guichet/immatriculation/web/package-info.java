/** Usager pages of vehicle registration: Mes véhicules, declaration of sale, purchase with the code, requests and payment. */
@NullMarked
package fr.gouv.guichet.immatriculation.web;

import org.jspecify.annotations.NullMarked;
