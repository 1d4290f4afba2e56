package org.convene.polls.ui;

import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.polls.PollDraft;
import org.convene.polls.PollService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/** Acting as someone else through the service while the test's page stays as it is. */
final class PollsTestSupport {

    private PollsTestSupport() {
    }

    static <T> T as(ConveneUser user, Supplier<T> action) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    static long prepare(PollService polls, ConveneUser facilitator, long session, String question, boolean multiple,
                        String... options) {
        return as(facilitator, () -> ((SaveResult.Saved<Long>) polls.prepare(session,
                new PollDraft(question, List.of(options), multiple, false))).value());
    }

    static long open(PollService polls, ConveneUser facilitator, long session, String question, String... options) {
        long id = prepare(polls, facilitator, session, question, false, options);
        as(facilitator, () -> {
            polls.open(id);
            return null;
        });
        return id;
    }

    static void close(PollService polls, ConveneUser facilitator, long pollId) {
        as(facilitator, () -> {
            polls.close(pollId);
            return null;
        });
    }

    static void answer(PollService polls, ConveneUser user, long pollId, Integer... choices) {
        as(user, () -> polls.answer(pollId, List.of(choices)));
    }
}
