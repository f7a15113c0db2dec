-- Signaux de fraude du permis (issue 12, point 11) : retrouver sans parcourir toute la table les autres demandes du
-- permis (démarches « PC_… ») déposées avec le même code ePhoto, le même timbre, le même courriel, le même code postal,
-- et les pièces de même empreinte.
create index dossier_permis_ephoto_idx on dossier ((upper(reponses ->> 'code_ephoto')))
  where demarche like 'PC\_%' and depose_le is not null;
create index dossier_permis_timbre_idx on dossier ((regexp_replace(reponses ->> 'numero_timbre', '\D', '', 'g')))
  where demarche like 'PC\_%' and depose_le is not null;
create index dossier_permis_courriel_idx on dossier ((lower(reponses ->> 'courriel')))
  where demarche like 'PC\_%' and depose_le is not null;
create index dossier_permis_code_postal_idx on dossier ((reponses ->> 'code_postal'))
  where demarche like 'PC\_%' and depose_le is not null;
create index piece_jointe_sha256_idx on piece_jointe (sha256);
