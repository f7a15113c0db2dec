// Sauvegarde automatique du brouillon pendant la saisie (amélioration progressive : sans JavaScript,
// le brouillon est enregistré à chaque changement de page).
(function () {
  'use strict';
  var form = document.getElementById('formulaire-dossier');
  if (!form || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute('data-autosave');
  var version = document.getElementById('version-brouillon');
  var etat = document.getElementById('etat-sauvegarde');
  var csrf = form.querySelector('input[name="_csrf"]');
  var minuteur = null;
  var enCours = null; // la sauvegarde en vol (promesse), le cas échéant
  var bloque = false;

  function dire(texte) { if (etat) { etat.textContent = texte; } }

  function sauver() {
    if (enCours || bloque) { return; }
    var donnees = new FormData(form);
    donnees.delete('action');
    enCours = fetch(url, { method: 'POST', body: donnees, credentials: 'same-origin', headers: csrf ? { 'X-CSRF-TOKEN': csrf.value } : {} })
      .then(function (r) { return r.json().then(function (corps) { return { ok: r.ok, corps: corps }; }); })
      .then(function (res) {
        if (res.ok) {
          version.value = res.corps.version;
          var h = new Date();
          dire('Brouillon enregistré automatiquement à ' + h.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' }) + '.');
        } else if (res.corps.statut === 'CONFLIT') {
          bloque = true;
          dire('Ce brouillon a été modifié dans un autre onglet ou sur un autre appareil : la sauvegarde automatique est suspendue. '
            + 'Utilisez « Conserver sans transmettre » pour enregistrer vos saisies de cette page à la place de l’autre version.');
        } else {
          bloque = true;
          dire('Ce dossier ne peut plus être modifié.');
        }
      })
      .catch(function () { dire('Sauvegarde automatique impossible pour l’instant : vos saisies seront enregistrées au changement de page.'); })
      .then(function () { enCours = null; });
  }

  form.addEventListener('input', function () {
    if (minuteur) { clearTimeout(minuteur); }
    minuteur = setTimeout(sauver, 1500);
  });
  form.addEventListener('change', function () {
    if (minuteur) { clearTimeout(minuteur); }
    minuteur = setTimeout(sauver, 500);
  });
  // Un bouton pressé pendant une sauvegarde automatique : la réponse de celle-ci porte la version que l’envoi du
  // formulaire doit présenter (sinon le serveur croirait à une modification ailleurs). On attend donc sa fin, puis on
  // renvoie le formulaire avec le même bouton.
  form.addEventListener('submit', function (e) {
    if (minuteur) { clearTimeout(minuteur); minuteur = null; }
    bloque = true;
    if (enCours) {
      e.preventDefault();
      var bouton = e.submitter;
      enCours.then(function () {
        if (bouton && form.requestSubmit) { form.requestSubmit(bouton); } else { form.submit(); }
      });
    }
  });
})();
