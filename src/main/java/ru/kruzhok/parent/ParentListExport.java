package ru.kruzhok.parent;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.sheet.XlsxBook;
import ru.kruzhok.staff.ParentExport;
import ru.kruzhok.staff.StaffExport;

/** /export parents: the parents list as XLSX, the same rows as the admin CSV. */
@Component
class ParentListExport implements StaffExport {

    static final String NAME = "parents";

    private final ParentExport rows;

    ParentListExport(ParentExport rows) {
        this.rows = rows;
    }

    @Override
    public List<Offer> offers() {
        return List.of(new Offer(NAME, "Список родителей"));
    }

    @Override
    public List<OutgoingFile> files(String name, Set<String> municipalities) {
        try (XlsxBook book = new XlsxBook()) {
            XlsxBook.Table table = book.table("Родители", rows.header());
            rows.rows(municipalities).forEach(table::row);
            return List.of(OutgoingFile.document("parents.xlsx", XlsxBook.MIME, book.bytes()));
        }
    }
}
