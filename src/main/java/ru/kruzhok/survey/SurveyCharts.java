package ru.kruzhok.survey;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.springframework.stereotype.Component;
import ru.kruzhok.survey.SurveyResults.OptionCount;
import ru.kruzhok.survey.SurveyResults.QuestionResult;

/**
 * Bar charts of a question's answers as PNG, drawn by XChart. All text uses DejaVu Sans shipped in
 * the jar ({@code fonts/DejaVuSans.ttf}), so Cyrillic is drawn right whatever fonts the server has.
 */
@Component
class SurveyCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 540;
    static final String FONT_RESOURCE = "/fonts/DejaVuSans.ttf";

    private final Font font;

    SurveyCharts() {
        // charts are drawn on servers without a display
        System.setProperty("java.awt.headless", "true");
        this.font = loadFont();
    }

    static Font loadFont() {
        try (InputStream in = SurveyCharts.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FONT_RESOURCE);
            }
            Font f = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    Font font() {
        return font;
    }

    byte[] png(QuestionResult q) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title(q.text()))
                .yAxisTitle("Ответов").build();
        Styler styler = chart.getStyler();
        styler.setBaseFont(font.deriveFont(14f));
        styler.setChartTitleFont(font.deriveFont(Font.BOLD, q.text().length() <= 80 ? 16f : 12.5f));
        styler.setLegendFont(font.deriveFont(13f));
        styler.setAnnotationTextFont(font.deriveFont(12f));
        styler.setAnnotationTextPanelFont(font.deriveFont(12f));
        styler.setToolTipFont(font.deriveFont(12f));
        chart.getStyler().setAxisTitleFont(font.deriveFont(13f));
        chart.getStyler().setAxisTickLabelsFont(font.deriveFont(12f));
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x2E, 0x7D, 0x32)});
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(font.deriveFont(12f));
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setYAxisMin(0.0);
        List<String> labels = q.counts().stream().map(OptionCount::answer).toList();
        if (labels.stream().anyMatch(l -> l.length() > 12)) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        List<Long> counts = q.counts().stream().map(OptionCount::count).toList();
        chart.addSeries("Ответов", labels, counts);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XChart draws the title on one line: long questions get a smaller font, and are cut if still too long. */
    private static String title(String text) {
        return text.length() <= 110 ? text : text.substring(0, 109) + "…";
    }
}
