package ru.kruzhok.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static final String QUESTION = "Какие направления дополнительного образования вы хотели бы видеть "
            + "в вашем районе, но их пока нет или на них не хватает мест?";
    private static final List<BarChart.Bar> BARS = List.of(
            new BarChart.Bar("Естественнонаучное (экология, химия, биология, астрономия)", 2, 66.7),
            new BarChart.Bar("Техническое", 1, 33.3),
            new BarChart.Bar("Всего хватает", 0, 0));

    @Test
    void longLabelsAreHorizontalBarsReadLeftToRightWithShareAndCountOnEachBar() {
        JFreeChart chart = BarChart.chart(QUESTION, "Центральный район · 01.09.2026 – 30.11.2026 · ответили: 3", BARS);
        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getOrientation()).isEqualTo(PlotOrientation.HORIZONTAL);
        CategoryAxis axis = plot.getDomainAxis();
        // labels sit left of the bars, unrotated, wrapped over up to three lines
        CategoryLabelPosition left = axis.getCategoryLabelPositions().getLabelPosition(RectangleEdge.LEFT);
        assertThat(left.getAngle()).isZero();
        assertThat(axis.getMaximumCategoryLabelLines()).isGreaterThanOrEqualTo(2);
        assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isTrue();
        assertThat(plot.getRenderer().getDefaultItemLabelGenerator().generateLabel(plot.getDataset(), 0, 0))
                .isEqualTo("66,7 % (2)");
        assertThat(plot.getRenderer().getDefaultItemLabelGenerator().generateLabel(plot.getDataset(), 0, 2))
                .isEqualTo("0 % (0)");
        assertThat(chart.getTitle().getText()).isEqualTo(QUESTION);
        assertThat(((TextTitle) chart.getSubtitle(0)).getText()).contains("Центральный район", "01.09.2026", "ответили: 3");
        assertThat(BarChart.font().canDisplayUpTo("Естественнонаучное «Всего хватает» № 66,7 %")).isEqualTo(-1);
    }

    @Test
    void thePngIsWideEnoughForTelegramsPreviewAndGrowsWithTheBars() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BarChart.png(QUESTION, "все муниципалитеты", BARS)));
        assertThat(image.getWidth()).isEqualTo(BarChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(BarChart.height(3)).isBetween(BarChart.MIN_HEIGHT, BarChart.MAX_HEIGHT);
        assertThat(BarChart.height(11)).isGreaterThan(BarChart.height(3));
        // the bars are drawn: the bar colour fills a good part of the picture
        long green = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (image.getRGB(x, y) == 0xFF2E7D32) {
                    green++;
                }
            }
        }
        assertThat(green).isGreaterThan(5_000);
        if (System.getProperty("chart.out") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("chart.out")),
                    BarChart.png(QUESTION, "Центральный район · 01.09.2026 – 30.11.2026 · ответили: 3", BARS));
        }
    }
}
