package org.convene.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Schedule exchange settings (convene.exchange.*).
 *
 * @param scheduleImportMaxSize the largest schedule file the import reads; a larger body is refused with 413
 *                              before it is parsed. A real schedule of a week-long event is well under 1 MB.
 */
@ConfigurationProperties("convene.exchange")
public record ExchangeProperties(DataSize scheduleImportMaxSize) {

    public ExchangeProperties {
        scheduleImportMaxSize = scheduleImportMaxSize == null ? DataSize.ofMegabytes(10) : scheduleImportMaxSize;
    }
}
