-- The address an aangifte uses instead of the victim's home address (the
-- suspect can read the police file):
--   - org_protocols.postal_address: the organisation's postal address for
--     correspondence from police, OM and court, kept with each protocol
--     version. It is the organisation's public address, so not sealed.
--   - incident_aangiftes.domicile_enc: the domicile the victim chose (a
--     lawyer's office, say) when address_used is 'domicile'; sealed with
--     the incident's key ("incident:<id>:domicile").
-- Both tables are append-only (UPDATE triggers); adding a column with a
-- default touches no row, so the triggers do not fire.
ALTER TABLE org_protocols ADD COLUMN postal_address TEXT NOT NULL DEFAULT '';
ALTER TABLE incident_aangiftes ADD COLUMN domicile_enc {{bytes}};
