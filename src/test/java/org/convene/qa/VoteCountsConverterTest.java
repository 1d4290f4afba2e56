package org.convene.qa;

import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VoteCountsConverterTest {

    private final VoteCountsConverter converter = new VoteCountsConverter();

    @Test
    void vote_counts_are_stored_as_a_json_object_of_question_ids_to_counts() {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        counts.put(12L, 3);
        counts.put(7L, 0);

        assertThat(converter.to(counts).data()).isEqualTo("{\"12\":3,\"7\":0}");
    }

    @Test
    void stored_vote_counts_read_back_as_the_same_map() {
        Map<Long, Integer> counts = converter.from(JSONB.valueOf("{\"7\": 0, \"12\": 3}"));

        assertThat(counts).containsExactly(Map.entry(7L, 0), Map.entry(12L, 3));
        assertThat(converter.from(converter.to(counts))).isEqualTo(counts);
    }

    @Test
    void no_votes_column_is_no_map_and_an_empty_object_is_an_empty_map() {
        assertThat(converter.from(null)).isNull();
        assertThat(converter.to(null)).isNull();
        assertThat(converter.from(JSONB.valueOf("{}"))).isEmpty();
    }
}
