package ru.kruzhok.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The columns of an import file, each with its documented Russian header first and the synonyms
 * МОЦ spreadsheets use after it (docs/catalog.md lists them). Headers are compared after
 * {@link #normalize}: case, «ё», punctuation and extra spaces do not matter.
 */
enum ImportColumn {
    ID(true, "id", "ид", "код", "код программы", "id программы", "идентификатор", "номер программы", "external id"),
    TITLE(true, "название", "наименование", "название программы", "наименование программы", "программа"),
    DESCRIPTION(false, "описание", "аннотация", "краткое описание", "описание программы"),
    ORGANISATION(false, "организация", "учреждение", "наименование организации", "название организации",
            "поставщик", "поставщик услуг", "образовательная организация"),
    ADDRESS(false, "адрес", "адрес проведения", "место проведения", "адрес организации", "адрес проведения занятий"),
    DISTRICT(false, "район", "микрорайон", "населенный пункт", "поселение"),
    PHONE(false, "телефон", "контактный телефон", "телефон организации", "контакты"),
    MUNICIPALITY(false, "муниципалитет", "муниципальное образование", "мо", "код муниципалитета",
            "муниципальный район", "муниципальный округ"),
    DIRECTION(true, "направленность", "направление", "направленность программы"),
    AGE_FROM(false, "возраст от", "возраст с", "минимальный возраст", "мин возраст", "от лет", "возраст от лет"),
    AGE_TO(false, "возраст до", "возраст по", "максимальный возраст", "макс возраст", "до лет", "возраст до лет"),
    /** One column «5-18» instead of two; either this or both of the above. */
    AGE(false, "возраст", "возраст детей", "возраст лет"),
    FORMAT(false, "формат", "форма обучения", "форма проведения", "форма реализации"),
    COST_TYPE(true, "оплата", "тип оплаты", "вид оплаты", "финансирование", "источник финансирования",
            "тип финансирования", "платность"),
    PRICE(false, "стоимость", "цена", "стоимость руб", "стоимость в месяц", "стоимость руб в месяц", "стоимость занятия"),
    SCHEDULE(false, "расписание", "время занятий", "дни и время занятий"),
    PLACES_TOTAL(false, "мест всего", "всего мест", "количество мест", "кол во мест"),
    PLACES_FREE(false, "мест свободно", "свободных мест", "свободно мест", "свободные места"),
    TEACHER(false, "педагог", "преподаватель", "педагоги", "руководитель", "фио педагога"),
    URL(false, "ссылка", "ссылка на навигатор", "ссылка на программу", "url", "адрес в навигаторе"),
    OVZ(false, "овз", "для детей с овз", "доступно для детей с овз", "дети с овз", "адаптированная для овз");

    /** Whether a file without this column cannot be imported. */
    final boolean required;
    final List<String> headers;

    ImportColumn(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** The documented header («Название»), as staff should write it. */
    String header() {
        return switch (this) {
            case ID -> "ID";
            case OVZ -> "ОВЗ";
            default -> Character.toUpperCase(headers.get(0).charAt(0)) + headers.get(0).substring(1);
        };
    }

    static ImportColumn of(String header) {
        String h = normalize(header);
        if (h.isEmpty()) {
            return null;
        }
        for (ImportColumn c : values()) {
            if (c.headers.contains(h)) {
                return c;
            }
        }
        return null;
    }

    static String normalize(String header) {
        return header.toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
