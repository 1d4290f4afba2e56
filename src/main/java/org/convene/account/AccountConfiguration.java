package org.convene.account;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LoginProperties.class, AccountEmailProperties.class})
class AccountConfiguration {
}
