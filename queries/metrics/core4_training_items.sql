-- Every work item, whenever created or resolved, for training the work-item text model on those the category
-- rules classify (labels joined by chr(31), as in core4_work_items.sql). Ordered so that sampling is deterministic.
SELECT work_item_id AS WorkItemId, kind AS Kind, title AS Title, array_to_string(labels, chr(31)) AS Labels
FROM work_items
ORDER BY work_item_id;
