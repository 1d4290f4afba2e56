package org.convene.captions.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.convene.captions.CaptionException;
import org.convene.captions.CaptionLine;
import org.convene.captions.CaptionService;
import org.convene.core.SaveResult;
import org.convene.programme.NoSuchSessionException;
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

/**
 * {@code SEND /app/sessions.{id}.captions} with {@code {"text": "...", "final": true|false}}. The line is stored
 * before the RECEIPT (when asked for) is sent; a refusal goes to {@code /user/queue/errors} with a code, as for
 * the questions (docs/api.md).
 */
@Controller
class CaptionStompController {

    private static final Logger log = LoggerFactory.getLogger(CaptionStompController.class);

    private final CaptionService captions;
    private final SessionTopics topics;

    CaptionStompController(CaptionService captions, SessionTopics topics) {
        this.captions = captions;
        this.topics = topics;
    }

    /** @param isFinal false while the line may still be revised; left out, the line is final */
    record CaptionRequest(@Nullable String text, @JsonProperty("final") @Nullable Boolean isFinal) {
    }

    record ErrorMessage(String code, String message, @Nullable String destination, @Nullable String receiptId) {
    }

    @MessageMapping("/sessions.{sessionId}." + CaptionTopic.NAME)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    @Nullable ErrorMessage send(@DestinationVariable long sessionId, @Payload CaptionRequest request,
                                StompHeaderAccessor headers) {
        SaveResult<CaptionLine> result = captions.send(sessionId, request.text(), !Boolean.FALSE.equals(request.isFinal()));
        if (result instanceof SaveResult.Invalid<CaptionLine> invalid) {
            return error(invalid.code(), invalid.firstMessage(), headers);
        }
        topics.receipt(headers);
        return null;
    }

    @MessageExceptionHandler(AccessDeniedException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage forbidden(AccessDeniedException e, StompHeaderAccessor headers) {
        return error("FORBIDDEN", e.getMessage() == null ? "You may not send captions to this session." : e.getMessage(),
                headers);
    }

    @MessageExceptionHandler(CaptionException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage refused(CaptionException e, StompHeaderAccessor headers) {
        return error(e.problemCode(), e.getMessage(), headers);
    }

    @MessageExceptionHandler(NoSuchSessionException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage notFound(NoSuchSessionException e, StompHeaderAccessor headers) {
        return error("NOT_FOUND", String.valueOf(e.getMessage()), headers);
    }

    /** A body that is not the JSON this destination takes: the client's mistake, logged at DEBUG only. */
    @MessageExceptionHandler({MessageConversionException.class, MethodArgumentResolutionException.class})
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage invalid(RuntimeException e, StompHeaderAccessor headers) {
        log.debug("Caption SEND refused as invalid: {}", e.getClass().getSimpleName());
        return error("INVALID_REQUEST", "The message body must be JSON like {\"text\": \"Hello\", \"final\": true} "
                + "(see docs/api.md).", headers);
    }

    @MessageExceptionHandler(RuntimeException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage failed(RuntimeException e, StompHeaderAccessor headers) {
        log.error("Caption SEND failed", e);
        return error("SERVER_ERROR", "Something went wrong on our side. The caption was not kept; please send it again.",
                headers);
    }

    private static ErrorMessage error(String code, String message, StompHeaderAccessor headers) {
        return new ErrorMessage(code, message, headers.getDestination(), headers.getReceipt());
    }
}
