export const HELP = `gouji — 政府信息公开工作年度报告的读取与勾稽核对

用法
  gouji process <文件或文件夹...> --out <输出文件夹> [选项]
  gouji enqueue s3://<bucket>/<prefix> --queue-url <SQS 队列 URL> [--region <区域>]
  gouji redrive --dlq-url <死信队列 URL> --queue-url <处理队列 URL> [--region <区域>]
  gouji --help

process  读取每份报告（.txt .md .html .docx .pdf .png .jpg .tif），找到表二、表三、表四，
         逐项核对勾稽关系，为每份报告写出：
           <输出>/<相对路径>/<文件名>.<扩展名>.json     结果（机器可读，见 schema/result.schema.json）
           <输出>/<相对路径>/<文件名>.<扩展名>.report.html  结果报告（给人看）
         并为 --out 下的全部结果写出 <输出>/summary.csv（Excel 可直接打开）、
         <输出>/index.html（汇总看板）和 <输出>/dataset/*.parquet（数据集，见 docs/dataset.md）。
         文件夹会递归读取其中所有受支持的文件；结果路径与输入文件夹内的相对路径一致。
         从不修改输入，从不写到 --out 之外。已有且来源未变的结果会跳过（可中断后续跑）。

选项
  --out <dir>          输出文件夹（必填）
  --ocr <local|none>   扫描件的 OCR 引擎：local（默认，本地 PaddleOCR）或 none（扫描件记为无法读取）
  --max-pages <n>      页数上限，超过则记为无法读取（默认 200）
  --max-mb <n>         文件大小上限（MB，默认 100）
  --timeout <秒>       单份文档处理时限（默认 600）；超时或内存超限的文档记为 document.timeout
  --jobs <n>           同时处理的文档数，每份在自己的工作线程中（默认为 CPU 核数）
  --corrections <dir>  应用审核人在报告页面导出的 <文件名>.corrections.json（按文件 sha256 匹配）：
                       保留识别值与更正值，重新核对并生成新的结果版本
  --force              即使已有结果也重新处理
  --quiet              不在终端打印进度与汇总表
  -h, --help           显示本帮助

enqueue  为 S3 中已存在的报告（如扫描档案）逐个向处理队列发送与 S3 通知同形的消息，
         已有当前结果的对象会跳过。需要 AWS 凭证。
  --queue-url <url>    处理队列（gouji 部署的 IncomingQueue）
  --region <region>    AWS 区域（默认取环境配置）
  --endpoint <url>     S3 兼容服务地址（本地测试用）

redrive  把死信队列（DLQ）中的消息送回它所属的处理队列（先发送、后删除，不会丢失）；
         修好原因（如权限、配额）后运行。URL 见部署输出 IncomingDlqUrl / IncomingQueueUrl
         （Textract 版还有 TextractCompleteDlqUrl / TextractCompleteQueueUrl）。
  --max <n>            最多送回 n 条

退出码
  0  已运行（无论报告本身是否通过核对）
  1  运行失败（如输出文件夹无法写入）
  2  用法错误

结果状态
  valid 通过：无错误级发现     invalid 不通过：至少一条错误     unreadable 无法读取：找不到表格或文件损坏
`;
