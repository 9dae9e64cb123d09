package org.talentpipeline.student;

import java.util.List;
import java.util.Random;

/**
 * Realistic names for demo and synthetic students: Chinese names in characters, and English names.
 * Deterministic for a given random source, so generated data sets repeat exactly.
 */
public final class PersonNames {

    private static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑",
            "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘");
    private static final List<String> GIVEN = List.of(
            "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚",
            "桂英", "浩然", "子涵", "欣怡", "梓萱", "宇轩", "思远", "嘉怡", "俊杰", "雨桐", "一鸣", "晨曦", "佳琪", "博文", "诗涵", "天佑", "若曦", "志强",
            "文博");
    private static final List<String> ENGLISH_FIRST = List.of(
            "Olivia",
            "Liam",
            "Emma",
            "Noah",
            "Amelia",
            "Oliver",
            "Ava",
            "Elijah",
            "Sophia",
            "James",
            "Isabella",
            "William",
            "Mia",
            "Benjamin",
            "Charlotte",
            "Lucas",
            "Harper",
            "Henry",
            "Evelyn",
            "Alexander",
            "Grace",
            "Daniel",
            "Chloe",
            "Samuel",
            "Zoe",
            "Aisha",
            "Mateo",
            "Priya",
            "Kenji",
            "Fatima");
    private static final List<String> ENGLISH_LAST = List.of(
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Garcia",
            "Miller",
            "Davis",
            "Wilson",
            "Anderson",
            "Taylor",
            "Thomas",
            "Moore",
            "Martin",
            "Jackson",
            "Thompson",
            "White",
            "Harris",
            "Clark",
            "Lewis",
            "Walker",
            "Young",
            "Allen",
            "King",
            "Wright",
            "Scott",
            "Green",
            "Baker",
            "Adams",
            "Nelson");

    private PersonNames() {}

    /** A name: Chinese with the given probability, English otherwise. */
    public static String next(Random random, double chineseShare) {
        if (random.nextDouble() < chineseShare) {
            return SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
        }
        return ENGLISH_FIRST.get(random.nextInt(ENGLISH_FIRST.size())) + " "
                + ENGLISH_LAST.get(random.nextInt(ENGLISH_LAST.size()));
    }
}
