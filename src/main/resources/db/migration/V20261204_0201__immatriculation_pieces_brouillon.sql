-- Pièces jointes à une demande d'immatriculation avant son paiement (le récépissé de la déclaration de vol d'un
-- duplicata) : le fichier est vérifié par son contenu et stocké dès l'envoi, puis joint au dossier (piece_jointe) au
-- moment du dépôt, dans la même transaction que le paiement. Une pièce par code et par demande : un nouvel envoi
-- remplace le précédent.
create table demande_immatriculation_piece (
  dossier_id    bigint not null references demande_immatriculation (dossier_id) on delete cascade,
  code          text not null check (code ~ '^[a-z_]{1,40}$'),
  nom           text not null check (length(nom) <= 255),
  type_contenu  text not null,
  taille        bigint not null check (taille > 0),
  sha256        text not null,
  cle_stockage  text not null,
  ajoutee_le    timestamptz not null,
  transmise_le  timestamptz,
  primary key (dossier_id, code)
);
