package org.convene;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the JVM-wide security context holder the one of the test's own application context before each test.
 * <p>
 * Vaadin's auto-configuration installs its security context holder strategy JVM-wide as each application context
 * starts, and each instance keeps its own thread-local context. With several cached test contexts in one JVM,
 * the last one started wins: a filter of an earlier context that sets the person on that JVM-wide holder (the API's
 * bearer-token filter, {@code CurrentUser}) and the same context's authorisation, which reads its own bean, then
 * see different holders, and a valid token answers 401 depending on which test classes ran before. A production
 * node has one context, so this is about tests only.
 */
public class SecurityStrategyPerContext extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        use(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        use(testContext);
    }

    private static void use(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
