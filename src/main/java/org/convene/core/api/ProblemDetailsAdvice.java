package org.convene.core.api;

import org.convene.core.CodedProblem;
import org.convene.core.ErrorReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our HTTP endpoints as RFC 9457 problem details ({@code application/problem+json}): the status,
 * a {@code detail} in plain language, and our stable {@code code} (docs/api.md lists them). The {@code message}
 * member repeats {@code detail} because clients written before problem details read it. Spring's own request
 * errors (a malformed id, an unreadable body) come out the same way through the superclass.
 */
@RestControllerAdvice(basePackages = "org.convene")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> refused(AccessDeniedException e) {
        String detail = e.getMessage() == null ? "You may not do this." : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
    }

    /** A feature's coded refusal, or else something we did not expect: logged with a reference, no details out. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof CodedProblem coded) {
            return problem(status(coded.problemKind()), coded.problemCode(), coded.getMessage());
        }
        String reference = ErrorReference.next();
        log.error("Unexpected error in the HTTP API, reference {}", reference, e);
        ProblemDetail problem = detail(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side. If it keeps happening, tell the organisers and quote reference "
                        + reference + ".");
        problem.setProperty("reference", reference);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** Spring's own refusals (a malformed id, an unreadable body, a wrong method) get a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", switch (status.value()) {
                case 400 -> "INVALID_REQUEST";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> status.is4xxClientError() ? "INVALID_REQUEST" : "INTERNAL_ERROR";
            });
            if (problem.getDetail() != null) {
                problem.setProperty("message", problem.getDetail());
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static HttpStatus status(CodedProblem.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_SIGNED_IN -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(detail(status, code, detail));
    }

    private static ProblemDetail detail(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        problem.setProperty("message", detail);
        return problem;
    }
}
