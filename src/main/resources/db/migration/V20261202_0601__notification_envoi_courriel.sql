-- Envoi unique des courriels (issue 17) : la réservation d'un envoi est validée (sur le primaire et son secours
-- synchrone) avant l'envoi SMTP, la confirmation juste après ; une réservation jamais confirmée est reprise après
-- guichet.courriel.reprise-apres (l'instance qui la tenait est morte).
create table courriel_envoi (
  cle         text primary key,
  reserve_le  timestamptz not null,
  envoye_le   timestamptz,
  tentatives  integer not null default 1
);

-- Les courriels déjà envoyés l'étaient sous une clé d'effet réalisé : ils restent envoyés.
insert into courriel_envoi (cle, reserve_le, envoye_le)
select cle, moment, moment from effet_realise;
