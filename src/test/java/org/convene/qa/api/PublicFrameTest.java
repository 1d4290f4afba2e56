package org.convene.qa.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A public frame encoded once: what each subscriber's bytes say, and frames merged for a slow reader. */
class PublicFrameTest {

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The body between the blank line and the closing NUL, and the content-length the headers declare. */
    private static void assertContentLengthIsTheBodysBytes(byte[] utf8) {
        String frame = text(utf8);
        int declared = Integer.parseInt(frame.replaceAll("(?s).*content-length:(\\d+)\n.*", "$1"));
        int bodyStart = frame.indexOf("\n\n") + 2;
        assertThat(frame.substring(bodyStart, frame.length() - 1).getBytes(StandardCharsets.UTF_8)).hasSize(declared);
    }

    @Test
    void a_frame_is_the_stomp_message_in_utf8_with_its_body_length_counted_in_bytes() {
        String events = "{\"seq\":3,\"text\":\"Über café – “quotes” ✓\"}";
        String body = "{\"sessionId\":7,\"events\":[" + events + "]}";

        byte[] encoded = PublicFrame.of(7, 41, events).encoded("sub-0");

        assertThat(text(encoded)).isEqualTo("MESSAGE\ndestination:/topic/sessions.7.questions\n"
                + "content-type:application/json\ncontent-length:" + body.getBytes(StandardCharsets.UTF_8).length
                + "\nmessage-id:41\nsubscription:sub-0\n\n" + body + "\0");
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).as("more bytes than characters").isGreaterThan(body.length());
    }

    @Test
    void subscribers_with_the_same_subscription_id_share_one_encoding_and_others_get_their_own_header() {
        PublicFrame frame = PublicFrame.of(7, 1, "{\"seq\":1}");

        assertThat(frame.encoded("sub-0")).isSameAs(frame.encoded("sub-0"));
        assertThat(text(frame.encoded("other"))).contains("\nsubscription:other\n");
        assertThat(text(frame.encoded("sub-0"))).contains("\nsubscription:sub-0\n");
    }

    @Test
    void a_subscription_id_a_client_chose_is_escaped_as_a_stomp_header() {
        PublicFrame frame = PublicFrame.of(7, 1, "{\"seq\":1}");

        assertThat(text(frame.encoded("a:b\\c\nd"))).contains("\nsubscription:a\\cb\\\\c\\nd\n");
    }

    @Test
    void merged_frames_carry_every_event_in_order_under_the_newest_frames_message_id() {
        PublicFrame first = PublicFrame.of(7, 10, "{\"seq\":1,\"text\":\"é\"}");
        PublicFrame second = PublicFrame.of(7, 11, "{\"seq\":2},{\"seq\":3}");
        PublicFrame third = PublicFrame.of(7, 12, "{\"seq\":4,\"text\":\"ü\"}");

        byte[] merged = PublicFrame.merged(List.of(first, second, third), "sub-0");

        assertThat(text(merged))
                .startsWith("MESSAGE\ndestination:/topic/sessions.7.questions\n")
                .contains("\nmessage-id:12\n", "\nsubscription:sub-0\n")
                .endsWith("\n\n{\"sessionId\":7,\"events\":[{\"seq\":1,\"text\":\"é\"},{\"seq\":2},{\"seq\":3},"
                        + "{\"seq\":4,\"text\":\"ü\"}]}\0");
        assertContentLengthIsTheBodysBytes(merged);
        assertThat(first.eventsLength() + second.eventsLength() + third.eventsLength())
                .as("what merging counts against its limit: the events' bytes")
                .isEqualTo("{\"seq\":1,\"text\":\"é\"}{\"seq\":2},{\"seq\":3}{\"seq\":4,\"text\":\"ü\"}"
                        .getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void a_merge_of_one_frame_is_that_frame() {
        PublicFrame frame = PublicFrame.of(7, 3, "{\"seq\":1}");

        assertThat(PublicFrame.merged(List.of(frame), "s")).isEqualTo(frame.encoded("s"));
    }
}
