-- ADR 0032 : un écouteur propre à une démarche déclare par sa condition les événements qu'il reçoit ; l'outbox ne
-- stocke plus rien pour lui quand l'événement est d'une autre démarche. Une publication stockée avant ce changement
-- pour un tel événement ne se terminerait jamais : à la relance, la condition est réévaluée et l'écouteur n'est pas
-- appelé, donc la publication n'est pas marquée terminée (elle resterait en échec, comptée par la supervision).
-- Elle ne faisait rien (l'écouteur filtrait la démarche dans sa méthode) : on la retire. Une publication sans démarche
-- (PieceAjoutee ancienne) reste : sa condition la laisse passer.
with publication as (
  select id, listener_id,
         case when event_type in ('fr.gouv.guichet.demarche.Evenements$DossierDepose',
                                  'fr.gouv.guichet.demarche.Evenements$DossierTransitionne',
                                  'fr.gouv.guichet.demarche.Evenements$BrouillonSupprime',
                                  'fr.gouv.guichet.demarche.Evenements$PieceAjoutee')
              then serialized_event::jsonb ->> 'demarche' end as demarche
  from event_publication
  where completion_date is null
)
delete from event_publication e
using publication p
where e.id = p.id
  and p.demarche is not null
  and (
       (p.listener_id in ('fr.gouv.guichet.permis.internal.SignauxFraude.depose(fr.gouv.guichet.demarche.Evenements$DossierDepose)',
                          'fr.gouv.guichet.permis.internal.SignauxFraude.pieceAjoutee(fr.gouv.guichet.demarche.Evenements$PieceAjoutee)',
                          'fr.gouv.guichet.permis.internal.EtapesPermis.consommerLeTimbre(fr.gouv.guichet.demarche.Evenements$DossierDepose)',
                          'fr.gouv.guichet.permis.internal.EtapesPermis.libererLeTimbre(fr.gouv.guichet.demarche.Evenements$BrouillonSupprime)',
                          'fr.gouv.guichet.permis.internal.DemandesFabrication.valide(fr.gouv.guichet.demarche.Evenements$DossierTransitionne)',
                          'fr.gouv.guichet.permis.internal.DecisionRefusPermis.refuse(fr.gouv.guichet.demarche.Evenements$DossierTransitionne)')
        and p.demarche not like 'PC\_%')
    or (p.listener_id in ('fr.gouv.guichet.immatriculation.internal.TraitementAutomatique.depose(fr.gouv.guichet.demarche.Evenements$DossierDepose)',
                          'fr.gouv.guichet.immatriculation.internal.TraitementAutomatique.transitionne(fr.gouv.guichet.demarche.Evenements$DossierTransitionne)')
        and p.demarche not like 'IM\_%')
    or (p.listener_id = 'fr.gouv.guichet.identite.internal.EtapesIdentite.libererLesTimbres(fr.gouv.guichet.demarche.Evenements$BrouillonSupprime)'
        and p.demarche <> 'ID_PRE_DEMANDE')
    or (p.listener_id = 'fr.gouv.guichet.tiers.internal.Convention.habilitee(fr.gouv.guichet.demarche.Evenements$DossierTransitionne)'
        and p.demarche <> 'TC_HABILITATION')
  );
