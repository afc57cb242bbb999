-- One page of the refused records, newest first; the stored reason is "<location>: <why>".
SELECT dead_letter_id AS DeadLetterId, run_id AS RunId, source AS Source, entity AS Entity, payload AS Payload, reason AS Reason, received_at AS ReceivedAt
FROM dead_letters
ORDER BY received_at DESC, dead_letter_id
LIMIT $limit OFFSET $offset;
