package org.convene.polls.api;

import org.convene.core.SaveResult;
import org.convene.polls.PollException;
import org.convene.polls.PollService;
import org.convene.qa.api.SessionTopics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code SEND /app/polls.{pollId}.answer} with {@code {"options": [optionId, ...]}}: answers an open poll as the
 * token's owner, or changes their answer, through {@link PollService#answer} and its checks. The answer is stored
 * before the RECEIPT (when asked for) is sent; a refusal goes to {@code /user/queue/errors} with a code, as for the
 * questions and captions (docs/api.md).
 */
@Controller
class PollStompController {

    private static final Logger log = LoggerFactory.getLogger(PollStompController.class);
    private static final String SHAPE = "The message body must be JSON like {\"options\": [1]}, with the ids of the "
            + "options you choose (see docs/api.md).";

    private final PollService polls;
    private final SessionTopics topics;

    PollStompController(PollService polls, SessionTopics topics) {
        this.polls = polls;
        this.topics = topics;
    }

    /** @param options the ids of the chosen options, as the topic's frames give them */
    record AnswerRequest(@Nullable List<@Nullable Integer> options) {
    }

    record ErrorMessage(String code, String message, @Nullable String destination, @Nullable String receiptId) {
    }

    @MessageMapping("/" + PollTopic.NAME + ".{pollId}." + PollTopic.ANSWER)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    @Nullable ErrorMessage answer(@DestinationVariable long pollId, @Payload AnswerRequest request,
                                  StompHeaderAccessor headers) {
        List<@Nullable Integer> options = request.options();
        if (options == null || options.stream().anyMatch(Objects::isNull)) {
            return error("INVALID_REQUEST", SHAPE, headers);
        }
        List<Integer> chosen = options.stream().map(Objects::requireNonNull).toList();
        SaveResult<Set<Integer>> result = polls.answer(pollId, chosen);
        if (result instanceof SaveResult.Invalid<Set<Integer>> invalid) {
            return error(invalid.code(), invalid.firstMessage(), headers);
        }
        topics.receipt(headers);
        return null;
    }

    @MessageExceptionHandler(AccessDeniedException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage forbidden(AccessDeniedException e, StompHeaderAccessor headers) {
        return error("FORBIDDEN", e.getMessage() == null ? "You may not answer this poll." : e.getMessage(), headers);
    }

    /** No such poll ({@code NOT_FOUND}), or one that is not open ({@code POLL_NOT_OPEN}). */
    @MessageExceptionHandler(PollException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage refused(PollException e, StompHeaderAccessor headers) {
        return error(e.problemCode(), e.getMessage(), headers);
    }

    /** A body that is not the JSON this destination takes: the client's mistake, logged at DEBUG only. */
    @MessageExceptionHandler({MessageConversionException.class, MethodArgumentResolutionException.class})
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage invalid(RuntimeException e, StompHeaderAccessor headers) {
        log.debug("Poll answer refused as invalid: {}", e.getClass().getSimpleName());
        return error("INVALID_REQUEST", SHAPE, headers);
    }

    @MessageExceptionHandler(RuntimeException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage failed(RuntimeException e, StompHeaderAccessor headers) {
        log.error("Poll answer failed", e);
        return error("SERVER_ERROR", "Something went wrong on our side. Your answer was not kept; please send it again.",
                headers);
    }

    private static ErrorMessage error(String code, String message, StompHeaderAccessor headers) {
        return new ErrorMessage(code, message, headers.getDestination(), headers.getReceipt());
    }
}
