package org.opendialer.service.db;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * All-or-nothing writes for services that are handed only a {@link JdbcTemplate}. The transaction binds the
 * template's connection to the thread, so an enclosing transaction on the same DataSource is joined, not nested.
 */
public final class Transactions {

    private Transactions() {
    }

    public static TransactionTemplate over(JdbcTemplate jdbc) {
        return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }
}
