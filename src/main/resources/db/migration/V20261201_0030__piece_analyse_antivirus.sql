-- Analyse antivirus de chaque fichier stocké (issue 17) : un fichier n'est servi que « SAIN ».
-- EN_COURS : pas encore analysé (ou antivirus injoignable : nouvel essai à prochain_essai) ; INFECTE : quarantaine.
create table piece_analyse (
  cle_stockage   text primary key,
  etat           text not null check (etat in ('EN_COURS', 'SAIN', 'INFECTE')),
  signature      text,
  analyseur      text,
  demandee_le    timestamptz not null default now(),
  analysee_le    timestamptz,
  tentatives     int not null default 0,
  prochain_essai timestamptz not null default now()
);
create index piece_analyse_en_cours_idx on piece_analyse (prochain_essai) where etat = 'EN_COURS';

-- Fichiers déjà déposés : analysés à leur tour, jamais servis avant.
insert into piece_analyse (cle_stockage, etat)
select distinct cle_stockage, 'EN_COURS' from piece_jointe
on conflict do nothing;
