#!/usr/bin/env python3
"""Writes heldout.html (a 2019-template report: narrow table, small type,
labels that wrap, the requests table over a page break) and
heldout.expected.json (the numbers written into it). Deterministic (seeded).
Not used while tuning the reader; see ../../pdf_test.go TestHeldout."""
import json, random
random.seed(2019)
cols = ["natural_person","commercial","research","social_org","legal_service","other_org","total"]
def row():
    v = [random.randint(0, 40)] + [random.choice([0,0,0,1,2]) for _ in range(5)]
    return v + [sum(v)]
labels = [
 ("new_received", "一、本年新收政府信息公开申请数量", None),
 ("carried_over", "二、上年结转政府信息公开申请数量", None),
 ("granted", "（一）予以公开", "out"),
 ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "out"),
 ("denied_state_secret", "1．属于国家秘密", "（三）不予公开"),
 ("denied_law_prohibited", "2．其他法律行政法规禁止公开", "（三）不予公开"),
 ("denied_security_stability", "3．危及“三安全一稳定”", "（三）不予公开"),
 ("denied_third_party", "4．保护第三方合法权益", "（三）不予公开"),
 ("denied_internal_affairs", "5．属于三类内部事务信息", "（三）不予公开"),
 ("denied_process_info", "6．属于四类过程性信息", "（三）不予公开"),
 ("denied_enforcement_file", "7．属于行政执法案卷", "（三）不予公开"),
 ("denied_inquiry", "8．属于行政查询事项", "（三）不予公开"),
 ("unavailable_not_held", "1．本机关不掌握相关政府信息", "（四）无法提供"),
 ("unavailable_needs_creation", "2．没有现成信息需要另行制作", "（四）无法提供"),
 ("unavailable_unclear", "3．补正后申请内容仍不明确", "（四）无法提供"),
 ("not_processed_complaint", "1．信访举报投诉类申请", "（五）不予处理"),
 ("not_processed_repeat", "2．重复申请", "（五）不予处理"),
 ("not_processed_publication", "3．要求提供公开出版物", "（五）不予处理"),
 ("not_processed_excessive", "4．无正当理由大量反复申请", "（五）不予处理"),
 ("not_processed_confirmation", "5．要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
 ("other_handling", "（六）其他处理", "out"),
 ("total_handled", "（七）总计", "out"),
 ("carried_forward", "四、结转下年度继续办理", None),
]
vals = {code: row() for code, _, _ in labels}
review = [random.randint(0, 9) for _ in range(15)]
h = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市某某局2020年政府信息公开工作年度报告</title></head>',
     '<body style="font-family:\'Noto Sans CJK SC\';font-size:9pt">',
     '<p style="text-align:center;font-size:16pt">某某市某某局2020年政府信息公开工作年度报告</p>']
for i in range(22):
    h.append('<p>　　本年度，我局认真贯彻落实政府信息公开条例，第%d方面工作取得新进展，公开平台建设持续加强，依申请公开办理规范有序。</p>' % (i + 1))
h.append('<p>三、收到和处理政府信息公开申请情况</p>')
h.append('<table width="75%" border="1" cellspacing="0" cellpadding="1" style="font-size:8pt">')
h.append('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>')
h.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
h.append('<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>')
groups = {}
for code, lab, grp in labels:
    if grp and grp != "out":
        groups.setdefault(grp, []).append(code)
n_out = sum(1 for _, _, g in labels if g)
first_out, seen = True, set()
def tds(v): return "".join("<td>%d</td>" % x for x in v)
for code, lab, grp in labels:
    if grp is None:
        h.append('<tr><td colspan="3">%s</td>%s</tr>' % (lab, tds(vals[code])))
        continue
    pre = '<td rowspan="%d">三、本年度办理结果</td>' % n_out if first_out else ''
    first_out = False
    if grp == "out":
        h.append('<tr>%s<td colspan="2">%s</td>%s</tr>' % (pre, lab, tds(vals[code])))
    else:
        g = '' if grp in seen else '<td rowspan="%d">%s</td>' % (len(groups[grp]), grp)
        seen.add(grp)
        h.append('<tr>%s%s<td>%s</td>%s</tr>' % (pre, g, lab, tds(vals[code])))
h.append('</table>')
h.append('<p>四、政府信息公开行政复议、行政诉讼情况</p>')
h.append('<table width="90%" border="1" cellspacing="0" style="font-size:8pt"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>')
h.append('<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
h.append('<tr>' + '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>' * 2 + '</tr>')
h.append('<tr>' + tds(review) + '</tr></table>')
h.append('<p>五、存在的主要问题及改进情况</p><p>公开工作仍有不足。</p></body></html>')
open('heldout.html', 'w').write('\n'.join(h) + '\n')
groups15 = ["review", "suit_direct", "suit_after_review"]
outs = ["upheld", "corrected", "other", "pending", "total"]
exp = {"requests": {code: dict(zip(cols, vals[code])) for code, _, _ in labels},
       "review_litigation": {g + "_" + o: review[i * 5 + j] for i, g in enumerate(groups15) for j, o in enumerate(outs)}}
json.dump(exp, open('heldout.expected.json', 'w'), ensure_ascii=False, indent=1)
