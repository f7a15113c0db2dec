-- Freinage générique des formulaires (vérification de références, inscription, « mot de passe oublié », renvoi de
-- lien, vérification du mot de passe actuel…) : une ligne par tentative et par clé (compte, adresse, réseau client).
create table frein_tentative (
  id       bigserial primary key,
  action   text not null check (length(action) <= 60),
  cle      text not null check (length(cle) <= 400),
  moment   timestamptz not null default now()
);
create index frein_tentative_cle_idx on frein_tentative (action, cle, moment);
create index frein_tentative_moment_idx on frein_tentative (moment);
