-- Issue 11 : la page de vérification montre le numéro propre de l'acte (numéro d'arrêté), pas seulement celui du dossier.
alter table document_emis add column reference_acte text;
update document_emis d set reference_acte = a.numero_arrete
from autorisation a where a.dossier_id = d.dossier_id and d.type in ('ARRETE', 'ARRETE_PROVISOIRE');
