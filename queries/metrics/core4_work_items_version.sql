-- A version of the work items: changes whenever one is added, removed or its kind, title or labels change, so a
-- model trained on them is reused until then.
SELECT count(*) || ':' || coalesce(CAST(sum(hash(work_item_id, kind, title, labels)) AS VARCHAR), '0')
FROM work_items;
