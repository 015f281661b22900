package org.opendialer.service.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.NotFoundException;
import org.opendialer.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The call centre's holidays: days on which no campaign calls, whatever its own calling window says. Several days at
 * once (a week of 国庆节) are added as a range. A campaign takes the list when it starts dialling.
 */
@RestController
public class Holidays {

    /** A range longer than this is a typo, not a holiday. */
    static final int MAX_DAYS = 31;

    private final JdbcTemplate jdbc;
    private final DialerClock clock;

    public Holidays(JdbcTemplate jdbc, DialerClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every holiday day, for a campaign about to dial. */
    public static Set<LocalDate> dates(JdbcTemplate jdbc) {
        return new TreeSet<>(jdbc.query("SELECT holiday FROM holidays", (rs, row) -> rs.getDate(1).toLocalDate()));
    }

    @GetMapping("/api/holidays")
    public List<Map<String, Object>> list() {
        return jdbc.queryForList("SELECT holiday, name FROM holidays ORDER BY holiday");
    }

    /** {@code from} to {@code to} (inclusive; {@code to} may be left out for one day), named. */
    public record NewHolidays(String from, String to, String name) {
    }

    @PostMapping("/api/holidays")
    @ResponseStatus(HttpStatus.CREATED)
    public List<Map<String, Object>> add(@RequestBody NewHolidays request) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = day("from", request.from(), errors);
        LocalDate last = request.to() == null || request.to().isBlank() ? first : day("to", request.to(), errors);
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 128) {
            errors.add(new FieldError("name", "a name of 1 to 128 characters, e.g. 国庆节"));
        }
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(new FieldError("to", "must not be before from (" + first + ")"));
            } else if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
                errors.add(new FieldError("to", "at most " + MAX_DAYS + " days from from"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (jdbc.update("UPDATE holidays SET name = ? WHERE holiday = ?", name, Date.valueOf(d)) == 0) {
                jdbc.update("INSERT INTO holidays (holiday, name, created_at) VALUES (?, ?, ?)", Date.valueOf(d), name,
                        Timestamp.from(clock.now()));
            }
        }
        return list();
    }

    @DeleteMapping("/api/holidays/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable String day) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = day("day", day, errors);
        if (d == null) {
            throw new InvalidRequestException(errors);
        }
        if (jdbc.update("DELETE FROM holidays WHERE holiday = ?", Date.valueOf(d)) == 0) {
            throw new NotFoundException(d + " is not a holiday");
        }
    }

    private static LocalDate day(String field, String text, List<FieldError> errors) {
        try {
            LocalDate d = LocalDate.parse(text == null ? "" : text.trim());
            if (d.getYear() < 2000 || d.getYear() > 2099) {
                errors.add(new FieldError(field, "a day from 2000-01-01 to 2099-12-31"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, Problems.quote(text) + " is not a date (yyyy-mm-dd)"));
            return null;
        }
    }
}
