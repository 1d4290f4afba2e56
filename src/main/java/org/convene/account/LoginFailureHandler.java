package org.convene.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Spring's usual failure handling (the exception into the session, then back to /login?error), plus the
 * email address that was typed, so the log-in page can fill it in again instead of making people retype it.
 */
@Component
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    LoginFailureHandler() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String email = request.getParameter("username");
        if (email != null && AccountRules.length(email) <= AccountLimits.EMAIL_MAX) {
            request.getSession().setAttribute(LoginFailures.ATTEMPTED_EMAIL, email.strip());
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
