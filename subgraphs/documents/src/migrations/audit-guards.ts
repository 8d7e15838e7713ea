/**
 * The audit trail is append-only: UPDATE is always refused, DELETE only happens when a draft is
 * deleted (its entries cascade after the document row is gone). Sent documents cannot be deleted at
 * all, so their trail cannot be removed through the application's role either.
 */
export function auditGuardsSql(schema: string): string[] {
  return [
    `create function ${schema}."audit_entry_append_only"() returns trigger language plpgsql as $$
     begin
       if tg_op = 'DELETE' and not exists (select 1 from ${schema}."document" where "id" = old."document_id") then
         return old;
       end if;
       raise exception 'The document audit trail is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
     end $$`,
    `create trigger "audit_entry_append_only" before update or delete on ${schema}."audit_entry"
     for each row execute function ${schema}."audit_entry_append_only"()`,
    `create function ${schema}."document_delete_drafts_only"() returns trigger language plpgsql as $$
     begin
       if old."status" <> 'draft' then
         raise exception 'Only draft documents can be deleted' using errcode = 'insufficient_privilege';
       end if;
       return old;
     end $$`,
    `create trigger "document_delete_drafts_only" before delete on ${schema}."document"
     for each row execute function ${schema}."document_delete_drafts_only"()`,
  ];
}
