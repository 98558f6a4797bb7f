-- The parts of each stackable pathway as rows, so that issuing a credential for an achievement finds the pathways
-- it belongs to by index instead of reading every pathway. stackable_pathway.parts keeps the parts' order; rows
-- here are written in the same transaction as their pathway.
CREATE TABLE pathway_part (
    pathway_id      VARCHAR(36)  NOT NULL REFERENCES stackable_pathway (id),
    achievement_id  VARCHAR(36)  NOT NULL REFERENCES achievement (id),
    PRIMARY KEY (pathway_id, achievement_id)
);
CREATE INDEX pathway_part_achievement ON pathway_part (achievement_id);

-- Back-fill: parts is a space-separated list of achievement ids (UUIDs, which hold no spaces).
INSERT INTO pathway_part (pathway_id, achievement_id)
SELECT p.id, a.id FROM stackable_pathway p JOIN achievement a ON ' ' || p.parts || ' ' LIKE '% ' || a.id || ' %';
