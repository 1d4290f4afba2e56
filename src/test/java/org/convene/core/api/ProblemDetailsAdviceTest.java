package org.convene.core.api;

import org.convene.core.CodedProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void something_unexpected_is_a_500_with_a_logged_reference_and_no_internal_details(CapturedOutput output) {
        ResponseEntity<ProblemDetail> response = advice.other(new IllegalStateException("pool exhausted at db-3"));

        ProblemDetail problem = response.getBody();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
        String reference = (String) problem.getProperties().get("reference");
        assertThat(reference).matches("[A-Z2-9]{8}");
        assertThat(problem.getDetail()).contains("quote reference " + reference).doesNotContain("db-3");
        assertThat(output.getAll()).contains("Unexpected error in the HTTP API, reference " + reference)
                .contains("pool exhausted at db-3");
    }

    @Test
    void each_kind_of_refusal_has_its_status() {
        assertThat(ProblemDetailsAdvice.status(CodedProblem.Kind.INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ProblemDetailsAdvice.status(CodedProblem.Kind.UNPROCESSABLE))
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ProblemDetailsAdvice.status(CodedProblem.Kind.NOT_SIGNED_IN)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ProblemDetailsAdvice.status(CodedProblem.Kind.FORBIDDEN)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ProblemDetailsAdvice.status(CodedProblem.Kind.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ProblemDetailsAdvice.status(CodedProblem.Kind.TOO_MANY_REQUESTS))
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }
}
