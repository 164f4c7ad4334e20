package dev.placemat.workflows.spi;

import javax.sql.DataSource;

/**
 * Databases that {@code database.query} steps reach, one per connection of type {@code database}. The platform's
 * own database is not one of them unless an admin allowed it on the connection.
 */
public interface DataSources {

    /** A database and whether its connection allows writes. */
    record Database(DataSource dataSource, boolean writable) {}

    Database get(String connectionName) throws StepFailure;
}
