/// The example behind the page's 填入示例 button: an invented one-project table in tab rows
/// (the layout a web page's table pastes as), with two findings a reviewer should see — a
/// cost target above the funds and a satisfaction target that is not a number — and a date
/// in the wrong year.
enum SampleTable {
  static let text = """
    示例：某县项目支出绩效目标表（虚构，仅供试用）

    部门项目支出预算绩效目标表\t\t\t\t
    (2024 年度)\t\t\t\t
    项目名称\t社区公园维护经费\t\t\t
    主管部门及代码\t某县住房和城乡建设局-029\t实施单位\t某县园林绿化中心\t
    项目属性\t0101—一年期项目\t项目期\t1 年\t
    项目资金 (万元)\t年度资金总额:\t30\t\t
    \t其中:财政拨款\t30\t\t
    \t其他资金\t\t\t
    年度总体目标\t完成全县 12 个社区公园的日常养护、设施维修和绿化补植，保持公园整洁安全。\t\t\t
    名称\t一级指标\t二级指标\t三级指标\t指标值
    绩效指标\t产出指标\t数量指标\t养护社区公园数量\t≥12 个
    \t\t质量指标\t设施完好率\t≥95%
    \t\t时效指标\t维修完成时间\t2023 年 12 月
    \t\t成本指标\t养护经费\t45 万元
    \t效益指标\t社会效益指标\t居民休闲环境\t明显改善
    \t满意度指标\t服务对象满意度指标\t居民满意度\t提高
    """
}
