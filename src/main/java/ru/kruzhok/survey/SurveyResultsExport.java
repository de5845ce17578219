package ru.kruzhok.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.sheet.XlsxBook;
import ru.kruzhok.staff.StaffExport;

/**
 * /export &lt;survey&gt;: a survey's results XLSX (summary with charts, and every response). Responses
 * are filtered by one municipality at a time, so staff of two municipalities get a file for each.
 */
@Component
class SurveyResultsExport implements StaffExport {

    private final SurveyCatalog catalog;
    private final SurveyExports exports;

    SurveyResultsExport(SurveyCatalog catalog, SurveyExports exports) {
        this.catalog = catalog;
        this.exports = exports;
    }

    @Override
    public List<Offer> offers() {
        return catalog.all().stream().map(s -> new Offer(s.id(), "Итоги опроса «" + s.title() + "»")).toList();
    }

    @Override
    public List<OutgoingFile> files(String name, Set<String> municipalities) {
        if (municipalities.isEmpty()) {
            return List.of(OutgoingFile.document(name + ".xlsx", XlsxBook.MIME,
                    exports.xlsx(name, SurveyResults.Filter.ALL)));
        }
        List<OutgoingFile> files = new ArrayList<>();
        for (String m : municipalities.stream().sorted().toList()) {
            files.add(OutgoingFile.document(name + "-" + m + ".xlsx", XlsxBook.MIME,
                    exports.xlsx(name, new SurveyResults.Filter(m, null, null))));
        }
        return files;
    }
}
