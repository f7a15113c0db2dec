/*
 * Guichet — conditional fields of the form engine (progressive enhancement only).
 *
 * Each conditional field is rendered inside an element carrying
 *   data-champ="<id>" data-condition-champ="<other id>" data-condition-mode="egal|different|contient|superieurA"
 *   data-condition-valeur="<value>".
 * Without JavaScript every field is shown with its hint "À remplir seulement si …" and the server ignores the
 * answers of hidden fields. With JavaScript this script hides the fields whose condition does not hold, and the hints.
 * A condition about a field that is not on the page (another page) was already decided by the server: left shown.
 */
(function () {
  'use strict';

  function blocDuChamp(form, id) {
    var blocs = form.querySelectorAll('[data-champ]');
    for (var i = 0; i < blocs.length; i++) {
      if (blocs[i].getAttribute('data-champ') === id) {
        return blocs[i];
      }
    }
    return null;
  }

  function valeursSaisies(form, nom) {
    var valeurs = [];
    var elements = form.elements;
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (el.name !== nom) {
        continue;
      }
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) {
        continue;
      }
      valeurs.push((el.value || '').trim());
    }
    return valeurs;
  }

  function conditionRemplie(form, bloc) {
    var reference = bloc.getAttribute('data-condition-champ');
    var blocReference = blocDuChamp(form, reference);
    if (!blocReference) {
      return true;
    }
    if (blocReference.hidden) {
      return false;
    }
    var mode = bloc.getAttribute('data-condition-mode');
    var attendu = bloc.getAttribute('data-condition-valeur');
    var valeurs = valeursSaisies(form, reference);
    var premiere = valeurs.length > 0 ? valeurs[0] : '';
    switch (mode) {
      case 'egal':
        return premiere === attendu;
      case 'different':
        return premiere !== attendu;
      case 'contient':
        return valeurs.indexOf(attendu) !== -1;
      case 'superieurA':
        return /^-?\d+$/.test(premiere) && Number(premiere) > Number(attendu);
      default:
        return true;
    }
  }

  function mettreAJour(form) {
    var blocs = form.querySelectorAll('[data-condition-champ]');
    // Conditions may be chained (a field depending on a conditional field): repeat until nothing changes.
    for (var passe = 0; passe <= blocs.length; passe++) {
      var change = false;
      for (var i = 0; i < blocs.length; i++) {
        var visible = conditionRemplie(form, blocs[i]);
        if (blocs[i].hidden === visible) {
          blocs[i].hidden = !visible;
          change = true;
        }
      }
      if (!change) {
        return;
      }
    }
  }

  function initialiser() {
    var formulaires = document.querySelectorAll('form');
    for (var i = 0; i < formulaires.length; i++) {
      var form = formulaires[i];
      if (!form.querySelector('[data-condition-champ]')) {
        continue;
      }
      var aides = form.querySelectorAll('[data-condition-aide]');
      for (var j = 0; j < aides.length; j++) {
        // .fr-hint-text is display:block in DSFR, which would override the hidden attribute
        aides[j].hidden = true;
        aides[j].style.display = 'none';
      }
      mettreAJour(form);
      form.addEventListener('change', mettreAJour.bind(null, form));
      form.addEventListener('input', mettreAJour.bind(null, form));
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initialiser);
  } else {
    initialiser();
  }
})();
