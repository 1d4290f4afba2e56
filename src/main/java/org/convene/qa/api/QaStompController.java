package org.convene.qa.api;

import org.convene.core.SaveResult;
import org.convene.qa.QaException;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
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
import org.springframework.stereotype.Controller;

import java.util.Objects;

/**
 * Asking, voting and moderating over STOMP. Each SEND goes through the same service as the web pages; a RECEIPT,
 * when asked for, is sent only after the change is committed, and a refusal goes to /user/queue/errors.
 */
@Controller
class QaStompController {

    private static final Logger log = LoggerFactory.getLogger(QaStompController.class);

    private final QaService qa;
    private final QaModerationService moderation;
    private final StompReceipts receipts;

    QaStompController(QaService qa, QaModerationService moderation, StompReceipts receipts) {
        this.qa = qa;
        this.moderation = moderation;
        this.receipts = receipts;
    }

    record AskRequest(String text, Boolean anonymous) {
    }

    record VoteRequest(Boolean up) {
    }

    /**
     * @param action   approve, dismiss, answer, pin, unpin, edit, reply or merge
     * @param text     the edited text (edit, or approve with an edit) or the reply (reply)
     * @param reason   why it was dismissed (dismiss, optional)
     * @param targetId the question a duplicate is merged into (merge)
     */
    record ModerateRequest(String action, String text, String reason, Long targetId) {
    }

    record ErrorMessage(String code, String message, @Nullable String destination, @Nullable String receiptId) {
    }

    /*
     * Text that cannot be stored comes back from the services as SaveResult.Invalid: the client gets the same
     * error message (EMPTY, TOO_LONG) a refusal gets, and no receipt. Returning null sends nothing.
     */

    @MessageMapping("/sessions.{sessionId}.questions")
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    @Nullable ErrorMessage ask(@DestinationVariable long sessionId, @Payload AskRequest request, StompHeaderAccessor headers) {
        return answer(qa.ask(sessionId, request.text(), Boolean.TRUE.equals(request.anonymous())), headers);
    }

    @MessageMapping("/questions.{questionId}.vote")
    void vote(@DestinationVariable long questionId, @Payload VoteRequest request, StompHeaderAccessor headers) {
        qa.vote(questionId, request.up() == null || request.up());
        receipt(headers);
    }

    @MessageMapping("/questions.{questionId}.moderate")
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    @Nullable ErrorMessage moderate(@DestinationVariable long questionId, @Payload ModerateRequest request,
                                    StompHeaderAccessor headers) {
        String action = request.action() == null ? "" : request.action().trim().toLowerCase(java.util.Locale.ROOT);
        SaveResult<Long> result = switch (action) {
            case "approve" -> moderation.approve(questionId, request.text());
            case "dismiss" -> moderation.dismiss(questionId, request.reason());
            case "edit" -> moderation.edit(questionId, request.text());
            case "reply" -> moderation.reply(questionId, request.text());
            case "answer" -> done(() -> moderation.markAnswered(questionId), questionId);
            case "pin" -> done(() -> moderation.pin(questionId), questionId);
            case "unpin" -> done(() -> moderation.unpin(questionId), questionId);
            case "merge" -> {
                if (request.targetId() == null) {
                    throw new QaException(QaException.Code.INVALID_STATE, "A merge needs \"targetId\": the question to merge into.");
                }
                long targetId = request.targetId();
                yield done(() -> moderation.merge(questionId, targetId), questionId);
            }
            default -> throw new InvalidRequest("Unknown action \"" + request.action()
                    + "\". Use approve, dismiss, answer, pin, unpin, edit, reply or merge.");
        };
        return answer(result, headers);
    }

    private static SaveResult<Long> done(Runnable action, long questionId) {
        action.run();
        return new SaveResult.Saved<>(questionId);
    }

    private @Nullable ErrorMessage answer(SaveResult<?> result, StompHeaderAccessor headers) {
        if (result instanceof SaveResult.Invalid<?> invalid) {
            return error(invalid.code(), invalid.firstMessage(), headers);
        }
        receipt(headers);
        return null;
    }

    @MessageExceptionHandler(QaException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage refused(QaException e, StompHeaderAccessor headers) {
        return error(e.code().name(), e.getMessage(), headers);
    }

    /**
     * A body that is not the JSON the destination takes: empty, not JSON, JSON of the wrong shape or types. The
     * client's mistake, so logged at DEBUG only (any account could otherwise fill the log).
     */
    @MessageExceptionHandler({InvalidRequest.class, MessageConversionException.class, MethodArgumentResolutionException.class})
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage invalid(RuntimeException e, StompHeaderAccessor headers) {
        log.debug("STOMP {} refused as invalid: {}", headers.getDestination(), e.getClass().getSimpleName());
        String message = e instanceof InvalidRequest invalid ? invalid.getMessage()
                : "The message body is not the JSON this destination takes (see docs/api.md).";
        return error("INVALID_REQUEST", message, headers);
    }

    @MessageExceptionHandler(RuntimeException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ErrorMessage failed(RuntimeException e, StompHeaderAccessor headers) {
        log.error("STOMP {} failed", headers.getDestination(), e);
        return error("SERVER_ERROR", "Something went wrong on our side. Nothing was changed; please try again.", headers);
    }

    private static ErrorMessage error(String code, String message, StompHeaderAccessor headers) {
        return new ErrorMessage(code, message, headers.getDestination(), headers.getReceipt());
    }

    /** The service has returned, so its transaction has committed: now the client may be told. */
    private void receipt(StompHeaderAccessor headers) {
        if (headers.getReceipt() != null) {
            receipts.send(headers);
        }
    }

    static final class InvalidRequest extends RuntimeException {
        InvalidRequest(String message) {
            super(message);
        }

        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage(), "made with a message");
        }
    }
}
