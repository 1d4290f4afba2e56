package org.convene.qa;

import org.jooq.JSONB;
import org.jooq.impl.AbstractConverter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vote counts a votes.changed event carries ({@code qa_event.votes}, jsonb {"questionId": votes, ...}) as a
 * map. Named by the jOOQ code generation (src/build/JooqCodegen.java), so the generated column is already a map.
 */
public class VoteCountsConverter extends AbstractConverter<JSONB, Map<Long, Integer>> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<Long, Integer>> COUNTS = new TypeReference<>() {
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    public VoteCountsConverter() {
        super(JSONB.class, (Class) Map.class);
    }

    /** jOOQ converts a NULL column through here too: most events carry no counts. */
    @Override
    public @Nullable Map<Long, Integer> from(@Nullable JSONB json) {
        return json == null ? null : JSON.readValue(json.data(), COUNTS);
    }

    @Override
    public @Nullable JSONB to(@Nullable Map<Long, Integer> counts) {
        return counts == null ? null : JSONB.valueOf(JSON.writeValueAsString(counts));
    }
}
